using System.Globalization;
using System.Net.Mail;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MotCua.Web.Features.Dossiers.Forms;

/// <summary>
/// One problem with one answer. <see cref="MessageKey"/> is a UI string (forms.error.*) the caller
/// localises with <see cref="Arguments"/>: {0} is the field's title as written, {1} the title inside a
/// sentence (lower-case first letter), {2} and after the constraint's numbers.
/// </summary>
public sealed record FieldError(string Field, string FieldId, string MessageKey, IReadOnlyList<object> Arguments)
{
    public object[] ArgumentArray => [.. Arguments];
}

/// <summary>
/// Server-side validation of the answers: the authority, whatever the browser checked. Hand-written for
/// the schema subset <see cref="DossierForm"/> supports rather than NJsonSchema, because every error needs
/// a plain-language message naming the field, errors are needed per step, and answers that did not parse
/// are kept as text (<see cref="FormAnswers"/>) and must read "must be a number", not "wrong JSON type".
/// One error per field, the first that applies, so the applicant fixes one thing at a time.
/// </summary>
public static class FormValidation
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    public static IReadOnlyList<FieldError> ValidateStep(DossierForm form, int stepIndex, JsonObject answers) =>
        [.. DossierForm.Leaves(form.Steps[stepIndex].Fields).Select(f => Check(f, answers)).OfType<FieldError>()];

    public static IReadOnlyList<FieldError> ValidateAll(DossierForm form, JsonObject answers) =>
        [.. form.Steps.SelectMany(s => ValidateStep(form, s.Index, answers))];

    public static FieldError? Check(FormField field, JsonObject answers)
    {
        if (field.Kind == FieldKind.Unsupported) return null;
        var value = FormAnswers.Get(answers, field.Name);
        if (value is null)
        {
            if (!field.Required) return null;
            return Error(field, field.Kind switch
            {
                FieldKind.Choice => "forms.error.choose",
                FieldKind.Date => "forms.error.requiredDate",
                FieldKind.Boolean => "forms.error.choose",
                _ => "forms.error.required",
            });
        }
        return field.Kind switch
        {
            FieldKind.Boolean => CheckBoolean(field, value),
            FieldKind.Choice => field.Options.Any(o => JsonNode.DeepEquals(o.Const, value)) ? null : Error(field, "forms.error.option"),
            FieldKind.Integer or FieldKind.Number => CheckNumber(field, value),
            _ => CheckText(field, value),
        };
    }

    private static FieldError? CheckBoolean(FormField field, JsonNode value)
    {
        if (value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)) return Error(field, "forms.error.boolean");
        if (field.Const is not null && !JsonNode.DeepEquals(field.Const, value)) return Error(field, "forms.error.confirm");
        return null;
    }

    private static FieldError? CheckNumber(FormField field, JsonNode value)
    {
        var notNumber = field.Kind == FieldKind.Integer ? "forms.error.integer" : "forms.error.number";
        if (value.GetValueKind() != JsonValueKind.Number) return Error(field, notNumber);
        var n = decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        if (field.Kind == FieldKind.Integer && n != decimal.Truncate(n)) return Error(field, notNumber);
        if (field.Minimum is { } min && n < min)
        {
            return field.Maximum is { } high ? Error(field, "forms.error.between", min, high) : Error(field, "forms.error.minimum", min);
        }
        if (field.Maximum is { } max && n > max)
        {
            return field.Minimum is { } low ? Error(field, "forms.error.between", low, max) : Error(field, "forms.error.maximum", max);
        }
        if (field.ExclusiveMinimum is { } emin && n <= emin) return Error(field, "forms.error.exclusiveMinimum", emin);
        if (field.ExclusiveMaximum is { } emax && n >= emax) return Error(field, "forms.error.exclusiveMaximum", emax);
        return null;
    }

    private static FieldError? CheckText(FormField field, JsonNode value)
    {
        if (value.GetValueKind() != JsonValueKind.String) return Error(field, "forms.error.pattern");
        var text = value.GetValue<string>();
        if (field.Kind == FieldKind.Date)
        {
            return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? null : Error(field, "forms.error.date");
        }
        // Length counts what the reader sees: "Nguyễn" is six letters however it is encoded.
        var length = new StringInfo(text.Normalize()).LengthInTextElements;
        if (field.MinLength is { } minLength && length < minLength) return Error(field, "forms.error.minLength", minLength);
        if (field.MaxLength is { } maxLength && length > maxLength) return Error(field, "forms.error.maxLength", maxLength);
        if (field.Kind == FieldKind.Email && !IsEmail(text)) return Error(field, "forms.error.email");
        if (field.Pattern is { } pattern && !Matches(pattern, text))
        {
            var rule = PatternRule.Describe(pattern)!;
            return Error(field, rule.MessageKey, rule.Arguments);
        }
        if (field.Const is not null && !JsonNode.DeepEquals(field.Const, value)) return Error(field, "forms.error.option");
        return null;
    }

    private static bool IsEmail(string text) =>
        !text.Contains(' ', StringComparison.Ordinal)
        && MailAddress.TryCreate(text, out var address)
        && address.Address == text
        && address.Host.Contains('.', StringComparison.Ordinal);

    private static bool Matches(string pattern, string text)
    {
        try { return Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, RegexTimeout); }
        // A pattern that is broken or too slow must not take the page down; the answer is refused instead.
        catch (Exception e) when (e is RegexMatchTimeoutException or ArgumentException) { return false; }
    }

    private static FieldError Error(FormField field, string key, params object?[] numbers) =>
        new(field.Name, field.Id, key, [field.Title, field.TitleInSentence, .. numbers.Select(Show).OfType<object>()]);

    // Numbers in messages are written as the reader writes them (no trailing ".0").
    private static object? Show(object? n) => n is decimal d ? d.ToString("0.##########", CultureInfo.InvariantCulture) : n;
}
