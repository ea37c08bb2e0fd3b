using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;

namespace MotCua.Web.Features.Dossiers.Forms;

/// <summary>
/// Turns the values posted for one step into typed answers and merges them into the answers so far, so
/// that going back and forth between steps never loses anything. A value that cannot be read as its type
/// is kept as the text typed, so the page can show it again and <see cref="FormValidation"/> reports it:
/// the answers object is the only state, and the validator is the only judge.
/// </summary>
public static class FormAnswers
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "d-M-yyyy", "d.M.yyyy"];

    public static JsonObject ReadStep(DossierForm form, int stepIndex, IReadOnlyDictionary<string, string> posted, JsonObject? answersSoFar) =>
        ReadStep(form, stepIndex, posted.Select(kv => KeyValuePair.Create(kv.Key, new StringValues(kv.Value))), answersSoFar);

    /// <summary>Accepts an <c>IFormCollection</c> as it is (it is a sequence of name → values).</summary>
    public static JsonObject ReadStep(DossierForm form, int stepIndex, IEnumerable<KeyValuePair<string, StringValues>> posted, JsonObject? answersSoFar)
    {
        var values = posted.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var answers = answersSoFar?.DeepClone().AsObject() ?? [];
        foreach (var field in DossierForm.Leaves(form.Steps[stepIndex].Fields))
        {
            if (field.Kind == FieldKind.Unsupported) continue;
            var raw = values.TryGetValue(field.Name, out var v) ? v.LastOrDefault() : null;
            Set(answers, field.Name, Parse(field, raw));
        }
        return answers;
    }

    /// <summary>
    /// The typed answer for one posted value: null when left empty; the text itself when it does not read
    /// as the field's type. An unticked checkbox posts nothing, which for a boolean means "no".
    /// </summary>
    public static JsonNode? Parse(FormField field, string? raw)
    {
        var text = raw?.Trim();
        if (field.Kind == FieldKind.Boolean) return ParseBoolean(text) is { } b ? JsonValue.Create(b) : JsonValue.Create(false);
        if (string.IsNullOrEmpty(text)) return null;
        return field.Kind switch
        {
            FieldKind.Integer => TryParseInteger(text, out var i) ? JsonValue.Create(i) : JsonValue.Create(text),
            FieldKind.Number => TryParseNumber(text, out var d) ? JsonValue.Create(d) : JsonValue.Create(text),
            FieldKind.Date => TryParseDate(text, out var date) ? JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : JsonValue.Create(text),
            FieldKind.Choice => field.Options.FirstOrDefault(o => o.Value == text)?.Const.DeepClone() ?? JsonValue.Create(text),
            _ => JsonValue.Create(text),
        };
    }

    /// <summary>Checkbox ("true"), yes/no radios ("yes"/"no") and Vietnamese "có"/"không".</summary>
    public static bool? ParseBoolean(string? text) => text?.ToLowerInvariant() switch
    {
        "true" or "yes" or "on" or "1" or "có" or "co" => true,
        "false" or "no" or "off" or "0" or "không" or "khong" => false,
        _ => null,
    };

    /// <summary>
    /// Digits with an optional sign; spaces and dots grouping thousands are accepted, because people write
    /// money the Vietnamese way ("1.000.000"). A dot is only a grouping mark when every group after it has
    /// three digits, so "1.5" is refused rather than read as 15.
    /// </summary>
    public static bool TryParseInteger(string text, out long value)
    {
        var s = text.Replace(" ", "", StringComparison.Ordinal);
        if (s.Contains('.', StringComparison.Ordinal))
        {
            var groups = s.TrimStart('-').Split('.');
            if (groups[0].Length is < 1 or > 3 || groups.Skip(1).Any(g => g.Length != 3)) { value = 0; return false; }
            s = s.Replace(".", "", StringComparison.Ordinal);
        }
        return long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// Decimal comma or decimal point: with a comma, the comma is the decimal mark and dots group thousands
    /// (Vietnamese "1.234,5"); without one, a single dot is the decimal mark ("120.5", as a number input
    /// posts it) and several dots group thousands ("1.234.567").
    /// </summary>
    public static bool TryParseNumber(string text, out decimal value)
    {
        var s = text.Replace(" ", "", StringComparison.Ordinal);
        if (s.Contains(',', StringComparison.Ordinal)) s = s.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        else if (s.Count(c => c == '.') > 1 && TryParseInteger(s, out var whole)) { value = whole; return true; }
        return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>yyyy-MM-dd as a date input posts it, or day/month/year as people type it.</summary>
    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static JsonNode? Get(JsonObject answers, string name)
    {
        JsonNode? node = answers;
        foreach (var part in name.Split('.')) node = (node as JsonObject)?[part];
        return node;
    }

    /// <summary>Sets a dotted path, creating the parent objects of nested fields; null removes the answer.</summary>
    public static void Set(JsonObject answers, string name, JsonNode? value)
    {
        var parts = name.Split('.');
        var parent = answers;
        foreach (var part in parts[..^1])
        {
            if (parent[part] is not JsonObject child) parent[part] = child = [];
            parent = child;
        }
        if (value is null) parent.Remove(parts[^1]);
        else parent[parts[^1]] = value;
    }

    /// <summary>What the input shows: the answer, or the schema's default until the step has been answered.</summary>
    public static string? InputValue(FormField field, JsonObject answers, bool stepAnswered)
    {
        var node = Get(answers, field.Name) ?? (stepAnswered ? null : field.Default);
        return node is null ? null : DossierForm.Scalar(node);
    }
}
