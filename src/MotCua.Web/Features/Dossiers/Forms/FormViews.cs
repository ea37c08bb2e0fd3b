using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MotCua.Web.Features.Dossiers.Forms;

/// <summary>What _FormStep.cshtml renders: one step of a form with the answers so far and this step's errors.</summary>
public sealed class FormStepView(DossierForm form, int stepIndex, JsonObject answers, IReadOnlyList<FieldError> errors)
{
    public DossierForm Form => form;

    public DossierFormStep Step => form.Steps[stepIndex];

    public JsonObject Answers => answers;

    public IReadOnlyList<FieldError> Errors => errors;

    /// <summary>Defaults pre-fill a step only until it is answered, so a value the applicant cleared stays cleared.</summary>
    public bool StepAnswered => DossierForm.Leaves(Step.Fields).Any(f => FormAnswers.Get(answers, f.Name) is not null);

    public FormFieldView For(FormField field) =>
        new(field, FormAnswers.InputValue(field, answers, StepAnswered), errors.FirstOrDefault(e => e.Field == field.Name), this);
}

/// <summary>One field as a partial renders it: its current value and its error, if any.</summary>
public sealed record FormFieldView(FormField Field, string? Value, FieldError? Error, FormStepView Step)
{
    public string HintId => Field.Id + "-hint";

    public string ErrorId => Field.Id + "-error";

    /// <summary>aria-describedby: the hint, then the error, so a screen reader hears both with the field.</summary>
    public string? DescribedBy =>
        string.Join(' ', new[] { Field.Description is null ? null : HintId, Error is null ? null : ErrorId }.OfType<string>()) is { Length: > 0 } s ? s : null;

    public string FieldClass => Error is null ? "field" : "field field-error";

    /// <summary>A textarea for long free text (reasons, descriptions); addresses (up to 255) stay one line.</summary>
    public bool Multiline => Field.Kind == FieldKind.Text && Field.Pattern is null && Field.MaxLength > 255;

    public string InputType => Field.Kind switch
    {
        FieldKind.Date => "date",
        FieldKind.Email => "email",
        _ when Field.Autocomplete == "tel" => "tel",
        // GOV.UK advises text with inputmode over type=number, which mangles long numbers and scroll-wheels values.
        _ => "text",
    };

    public string InputClass => Field.Kind is FieldKind.Integer or FieldKind.Number or FieldKind.Date || Field.MaxLength is <= 20 || PatternRule.Describe(Field.Pattern) is { Digits: true }
        ? "input input-narrow"
        : "input";
}

public sealed record AnswerRow(FormField Field, JsonNode Value);

public sealed record AnswerStep(DossierFormStep Step, IReadOnlyList<AnswerRow> Rows);

/// <summary>
/// "Check your answers": every answered field under the step that asks it, each with a way back to it.
/// Pages that keep answers on the server link with GET (<c>?step=N#f-field</c>); a page that carries them
/// in the form itself (the preview) sets <see cref="ChangeByPost"/> so the change buttons post them along.
/// </summary>
public sealed class AnswersSummaryView(DossierForm form, JsonObject answers)
{
    public bool ChangeByPost { get; init; }

    /// <summary>Shown to staff on the dossier page: the answers as filed, with no way to change them.</summary>
    public bool ReadOnly { get; init; }

    public IReadOnlyList<AnswerStep> Steps { get; } =
        [.. form.Steps.Select(s => new AnswerStep(s, [.. DossierForm.Leaves(s.Fields)
            .Select(f => (Field: f, Value: FormAnswers.Get(answers, f.Name)))
            .Where(x => x.Value is not null && x.Field.Kind != FieldKind.Unsupported)
            .Select(x => new AnswerRow(x.Field, x.Value!))]))];

    /// <summary>1-based in the URL, as the applicant counts steps.</summary>
    public static string ChangeUrl(AnswerStep step, AnswerRow row) =>
        string.Create(CultureInfo.InvariantCulture, $"?step={step.Step.Index + 1}#{row.Field.Id}");

    /// <summary>The answer as the applicant wrote or chose it; booleans are localised by the view (null here).</summary>
    public static string? Readable(AnswerRow row) => row.Field.Kind switch
    {
        FieldKind.Boolean => null,
        FieldKind.Choice => row.Field.Options.FirstOrDefault(o => JsonNode.DeepEquals(o.Const, row.Value))?.Title ?? DossierForm.Scalar(row.Value),
        FieldKind.Date when row.Value.GetValueKind() == JsonValueKind.String
            && DateOnly.TryParseExact(row.Value.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        FieldKind.Integer or FieldKind.Number when row.Value.GetValueKind() == JsonValueKind.Number
            => decimal.Parse(row.Value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture).ToString("#,0.##########", CultureInfo.GetCultureInfo("vi")),
        _ => DossierForm.Scalar(row.Value),
    };

    public static bool? Boolean(AnswerRow row) =>
        row.Field.Kind == FieldKind.Boolean && row.Value.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? row.Value.GetValue<bool>()
            : null;
}
