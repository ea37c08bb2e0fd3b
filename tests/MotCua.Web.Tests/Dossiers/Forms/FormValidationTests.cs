using System.Text.Json.Nodes;
using MotCua.Web.Features.Dossiers.Forms;

namespace MotCua.Web.Tests.Dossiers.Forms;

/// <summary>
/// Over every seeded form: answers built from the schema pass, and breaking each constraint of each
/// field, one at a time, gives exactly that field's error with the expected message.
/// </summary>
public sealed class FormValidationTests
{
    [Theory]
    [MemberData(nameof(SeededForms.CodeData), MemberType = typeof(SeededForms))]
    public void Answers_built_from_the_schema_pass_every_step_and_the_whole_form(string code)
    {
        var form = SeededForms.Form(code);
        var answers = SeededForms.ValidAnswers(form);
        Assert.All(form.Steps, s => Assert.Empty(FormValidation.ValidateStep(form, s.Index, answers)));
        Assert.Empty(FormValidation.ValidateAll(form, answers));
    }

    [Theory]
    [MemberData(nameof(SeededForms.CodeData), MemberType = typeof(SeededForms))]
    public void Answers_posted_as_text_read_back_and_pass(string code)
    {
        var form = SeededForms.Form(code);
        var valid = SeededForms.ValidAnswers(form);
        var answers = new JsonObject();
        foreach (var step in form.Steps)
        {
            var posted = DossierForm.Leaves(step.Fields)
                .Where(f => f.Kind != FieldKind.Boolean || valid[f.Name]!.GetValue<bool>())
                .ToDictionary(f => f.Name, f => SeededForms.Show(valid[f.Name]!));
            answers = FormAnswers.ReadStep(form, step.Index, posted, answers);
            Assert.Empty(FormValidation.ValidateStep(form, step.Index, answers));
        }
        Assert.True(JsonNode.DeepEquals(valid, answers), answers.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(SeededForms.CodeData), MemberType = typeof(SeededForms))]
    public void Each_broken_constraint_is_reported_on_its_field_with_its_message(string code)
    {
        var form = SeededForms.Form(code);
        var checkedCount = 0;
        foreach (var field in form.AllFields)
        {
            foreach (var (bad, key) in Breaks(field))
            {
                var answers = SeededForms.ValidAnswers(form);
                FormAnswers.Set(answers, field.Name, bad);
                var errors = FormValidation.ValidateStep(form, form.StepOf(field.Name), answers);
                var error = Assert.Single(errors);
                Assert.Equal((field.Name, field.Id, key), (error.Field, error.FieldId, error.MessageKey));
                Assert.Equal(field.Title, error.Arguments[0]);
                checkedCount++;
            }
        }
        Assert.True(checkedCount >= form.AllFields.Count(), $"{code}: only {checkedCount} breaks tried");
    }

    [Theory]
    [InlineData("^[0-9]{12}$", "forms.error.digits", new object[] { 12 })]
    [InlineData("^0[0-9]{9}$", "forms.error.phone", new object[] { 10 })]
    [InlineData("^0[0-9]{9,10}$", "forms.error.phoneRange", new object[] { 10, 11 })]
    [InlineData("^[0-9]{10,13}$", "forms.error.digitsRange", new object[] { 10, 13 })]
    [InlineData("^([0-9]{10}|[0-9]{12})$", "forms.error.digitsEither", new object[] { 10, 12 })]
    [InlineData("^[A-Z][0-9]{7,8}$", "forms.error.pattern", new object[0])]
    public void Patterns_are_described_in_plain_words(string pattern, string key, object[] arguments)
    {
        var rule = PatternRule.Describe(pattern)!;
        Assert.Equal(key, rule.MessageKey);
        Assert.Equal(arguments, rule.Arguments);
    }

    /// <summary>Every way the field's schema lets an answer be wrong, with the message key it must give.</summary>
    private static IEnumerable<(JsonNode? Bad, string Key)> Breaks(FormField f)
    {
        if (f.Required && f.Kind != FieldKind.Boolean)
        {
            yield return (null, f.Kind switch { FieldKind.Choice => "forms.error.choose", FieldKind.Date => "forms.error.requiredDate", _ => "forms.error.required" });
        }
        switch (f.Kind)
        {
            case FieldKind.Boolean:
                yield return ("có lẽ", "forms.error.boolean");
                if (f.IsDeclaration) yield return (false, "forms.error.confirm");
                break;
            case FieldKind.Choice:
                yield return ("khong-co-trong-danh-sach", "forms.error.option");
                break;
            case FieldKind.Date:
                yield return ("31/02/2020", "forms.error.date");
                break;
            case FieldKind.Integer or FieldKind.Number:
                yield return ("mười", f.Kind == FieldKind.Integer ? "forms.error.integer" : "forms.error.number");
                if (f.Kind == FieldKind.Integer) yield return (1.5m, "forms.error.integer");
                if (f.Minimum is { } min) yield return (min - 1, f.Maximum is null ? "forms.error.minimum" : "forms.error.between");
                if (f.Maximum is { } max) yield return (max + 1, f.Minimum is null ? "forms.error.maximum" : "forms.error.between");
                if (f.ExclusiveMinimum is { } emin) yield return (emin, "forms.error.exclusiveMinimum");
                break;
            default:
                if (f.MaxLength is { } maxLength) yield return (new string('a', maxLength + 1), "forms.error.maxLength");
                if (f.MinLength is > 1) yield return ("a", "forms.error.minLength");
                if (f.Kind == FieldKind.Email) yield return ("an.nguyen@", "forms.error.email");
                if (f.Pattern is { } pattern) yield return ("12ab", PatternRule.Describe(pattern)!.MessageKey);
                break;
        }
    }
}
