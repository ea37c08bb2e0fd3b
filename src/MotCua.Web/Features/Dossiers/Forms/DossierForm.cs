using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MotCua.Domain.Catalog;

namespace MotCua.Web.Features.Dossiers.Forms;

public sealed record DossierFormStep(int Index, string Title, IReadOnlyList<FormField> Fields);

/// <summary>
/// A procedure's online form, parsed once into what the pages ask: steps of typed fields with their
/// titles, hints, options and constraints. Immutable, so one instance can serve every request.
/// Supported subset (all the catalogue uses): types string, integer, number, boolean and object; string
/// formats date and email; choices as <c>oneOf</c> of <c>const</c>+<c>title</c> or as <c>enum</c> with
/// optional <c>x-enumTitles</c>; minLength, maxLength, pattern, minimum, maximum, exclusiveMinimum,
/// exclusiveMaximum, const, default, required (also inside nested objects).
/// </summary>
public sealed class DossierForm
{
    private readonly Dictionary<string, FormField> _byName;

    private DossierForm(string? title, string? description, IReadOnlyList<DossierFormStep> steps)
    {
        Title = title;
        Description = description;
        Steps = steps;
        _byName = Leaves(steps.SelectMany(s => s.Fields)).ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    public string? Title { get; }

    public string? Description { get; }

    public IReadOnlyList<DossierFormStep> Steps { get; }

    /// <summary>Every answerable field (groups opened up), in the order the applicant meets them.</summary>
    public IEnumerable<FormField> AllFields => Steps.SelectMany(s => Leaves(s.Fields));

    public FormField? Field(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The step that asks <paramref name="name"/> (a leaf or a top-level field), or -1.</summary>
    public int StepOf(string name)
    {
        var top = name.Split('.')[0];
        return Steps.FirstOrDefault(s => s.Fields.Any(f => f.Name == top))?.Index ?? -1;
    }

    public static IEnumerable<FormField> Leaves(IEnumerable<FormField> fields) =>
        fields.SelectMany(f => f.Kind == FieldKind.Group ? Leaves(f.Children) : [f]);

    public static DossierForm Parse(FormDefinition definition)
    {
        var schema = definition.Schema;
        var fields = ParseProperties(schema, prefix: "");
        var steps = definition.Steps
            .Select((s, i) => new DossierFormStep(i, s.Title,
                [.. s.Fields.Select(name => fields.GetValueOrDefault(name)).OfType<FormField>()]))
            .ToList();
        return new DossierForm(Text(schema["title"]), Text(schema["description"]), steps);
    }

    private static Dictionary<string, FormField> ParseProperties(JsonObject schema, string prefix)
    {
        var result = new Dictionary<string, FormField>(StringComparer.Ordinal);
        if (schema["properties"] is not JsonObject properties) return result;
        var required = (schema["required"] as JsonArray)?.Select(Text).OfType<string>().ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var (key, node) in properties)
        {
            if (node is not JsonObject property) continue;
            var name = prefix + key;
            result[key] = ParseField(property, name, required.Contains(key));
        }
        return result;
    }

    private static FormField ParseField(JsonObject p, string name, bool required)
    {
        var type = Text(p["type"]) ?? "string";
        var options = Options(p);
        var kind = type switch
        {
            _ when options.Count > 0 => FieldKind.Choice,
            "string" => Text(p["format"]) switch { "date" => FieldKind.Date, "email" => FieldKind.Email, _ => FieldKind.Text },
            "integer" => FieldKind.Integer,
            "number" => FieldKind.Number,
            "boolean" => FieldKind.Boolean,
            "object" => FieldKind.Group,
            _ => FieldKind.Unsupported,
        };
        return new FormField
        {
            Name = name,
            Title = Text(p["title"]) ?? name,
            Description = Text(p["description"]),
            Kind = kind,
            ValueType = type,
            Required = required,
            Options = options,
            MinLength = (int?)Number(p["minLength"]),
            MaxLength = (int?)Number(p["maxLength"]),
            Pattern = Text(p["pattern"]),
            Minimum = Number(p["minimum"]),
            Maximum = Number(p["maximum"]),
            ExclusiveMinimum = Number(p["exclusiveMinimum"]),
            ExclusiveMaximum = Number(p["exclusiveMaximum"]),
            Const = p["const"]?.DeepClone(),
            Default = p["default"]?.DeepClone(),
            Children = kind == FieldKind.Group ? [.. ParseProperties(p, name + ".").Values] : [],
        };
    }

    private static List<FormOption> Options(JsonObject p)
    {
        if (p["oneOf"] is JsonArray oneOf)
        {
            return [.. oneOf.OfType<JsonObject>().Where(o => o["const"] is not null)
                .Select(o => new FormOption(Scalar(o["const"]!), Text(o["title"]) ?? Scalar(o["const"]!), o["const"]!.DeepClone()))];
        }
        if (p["enum"] is JsonArray values)
        {
            var titles = p["x-enumTitles"] as JsonArray;
            return [.. values.Where(v => v is not null).Select((v, i) =>
                new FormOption(Scalar(v!), Text(titles?.ElementAtOrDefault(i)) ?? Scalar(v!), v!.DeepClone()))];
        }
        return [];
    }

    /// <summary>The text a scalar is posted and shown as: strings as they are, numbers invariant, booleans lower-case.</summary>
    public static string Scalar(JsonNode node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String
        ? v.GetValue<string>()
        : node.ToJsonString();

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static decimal? Number(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            ? decimal.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
            : null;
}
