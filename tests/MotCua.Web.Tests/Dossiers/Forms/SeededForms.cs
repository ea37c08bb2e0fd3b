using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MotCua.Domain.Catalog;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Features.Dossiers.Forms;

namespace MotCua.Web.Tests.Dossiers.Forms;

/// <summary>The catalogue's real forms, read from the copy the web project puts in the test output.</summary>
public static class SeededForms
{
    private static readonly Lazy<IReadOnlyDictionary<string, ProcedureDefinition>> All = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Seed", "procedures", "catalog.json");
        var procedures = JsonSerializer.Deserialize<List<ProcedureDefinition>>(File.ReadAllText(path), CatalogJson.Options)!;
        return procedures.Where(p => p.Form is not null).ToDictionary(p => p.NationalCode);
    });

    public static IEnumerable<string> Codes => All.Value.Keys.Order(StringComparer.Ordinal);

    public static TheoryData<string> CodeData => [.. Codes];

    public static ProcedureDefinition Procedure(string code) => All.Value[code];

    public static DossierForm Form(string code) => DossierForm.Parse(All.Value[code].Form!);

    /// <summary>Answers that satisfy every constraint of every field, built from the schema itself.</summary>
    public static JsonObject ValidAnswers(DossierForm form)
    {
        var answers = new JsonObject();
        foreach (var field in form.AllFields.Where(f => f.Kind != FieldKind.Unsupported))
        {
            FormAnswers.Set(answers, field.Name, ValidValue(field));
        }
        return answers;
    }

    public static JsonNode ValidValue(FormField f) => f.Kind switch
    {
        FieldKind.Boolean => JsonValue.Create(true),
        FieldKind.Choice => f.Options[^1].Const.DeepClone(),
        FieldKind.Date => JsonValue.Create("2020-02-29"),
        FieldKind.Email => JsonValue.Create("an.nguyen@example.vn"),
        FieldKind.Integer => JsonValue.Create((long)ValidNumber(f)),
        FieldKind.Number => JsonValue.Create(ValidNumber(f) + 0.5m),
        _ => JsonValue.Create(ValidText(f)),
    };

    private static decimal ValidNumber(FormField f)
    {
        var n = Math.Max(f.Minimum ?? 1, (f.ExclusiveMinimum ?? 0) + 1);
        return f.Maximum is { } max ? Math.Min(n, max - 1) : n;
    }

    // Candidates for the catalogue's patterns; a new pattern none of them fits fails the test that uses it.
    private static readonly string[] PatternCandidates = ["012345678901", "0912345678", "09123456789", "0123456789", "08:30", "B1234567", "1234567890123", "123456"];

    private static string ValidText(FormField f)
    {
        if (f.Pattern is { } pattern)
        {
            return PatternCandidates.FirstOrDefault(c => Regex.IsMatch(c, pattern))
                ?? throw new InvalidOperationException($"No sample value for pattern {pattern} of {f.Name}");
        }
        var text = "Nguyễn Thị Ánh Tuyết, phường Hoàn Kiếm";
        if (f.MaxLength is { } max && text.Length > max) text = text[..max];
        while (f.MinLength is { } min && text.Length < min) text += " a";
        return text;
    }

    public static string Show(JsonNode node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
        ? decimal.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)
        : DossierForm.Scalar(node);
}
