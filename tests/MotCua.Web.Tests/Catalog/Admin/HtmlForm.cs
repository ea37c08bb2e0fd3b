using System.Net;
using System.Text.RegularExpressions;

namespace MotCua.Web.Tests.Catalog.Admin;

/// <summary>
/// A form of a server-rendered page, read the way a browser would submit it: text inputs and hidden fields
/// with their value, checked boxes and radios only, text areas with their content, selected options. Enough
/// for the pages this project renders (double-quoted attributes, no scripts), not a general HTML parser.
/// </summary>
public sealed partial class HtmlForm
{
    private readonly List<KeyValuePair<string, string>> _fields;

    private HtmlForm(IReadOnlyDictionary<string, string> attributes, List<KeyValuePair<string, string>> fields, string inner)
    {
        Attributes = attributes;
        _fields = fields;
        Html = inner;
    }

    public IReadOnlyDictionary<string, string> Attributes { get; }

    public string Html { get; }

    public string? Action => Attributes.TryGetValue("action", out var a) ? a : null;

    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    public string? this[string name] => _fields.Where(f => f.Key == name).Select(f => f.Value).FirstOrDefault();

    public static IReadOnlyList<HtmlForm> All(string html) =>
        [.. FormTag().Matches(html).Select(m => Read(Attrs(m.Groups[1].Value), m.Groups[2].Value))];

    /// <summary>The one form with this id, or the one that contains <paramref name="marker"/>.</summary>
    public static HtmlForm Find(string html, string idOrMarker) =>
        All(html).Single(f => (f.Attributes.TryGetValue("id", out var id) && id == idOrMarker) || f.Html.Contains(idOrMarker, StringComparison.Ordinal));

    /// <summary>Replaces every value of <paramref name="name"/> (one text field, or the ticked boxes of a group).</summary>
    public HtmlForm Set(string name, params string[] values)
    {
        var at = _fields.FindIndex(f => f.Key == name);
        _fields.RemoveAll(f => f.Key == name);
        var insert = at < 0 ? _fields.Count : Math.Min(at, _fields.Count);
        _fields.InsertRange(insert, values.Select(v => new KeyValuePair<string, string>(name, v)));
        return this;
    }

    private static HtmlForm Read(Dictionary<string, string> attributes, string inner)
    {
        var fields = new List<(int At, string Name, string Value)>();
        foreach (Match m in InputTag().Matches(inner))
        {
            var a = Attrs(m.Groups[1].Value);
            if (!a.TryGetValue("name", out var name)) continue;
            var type = a.GetValueOrDefault("type", "text");
            if (type is "submit" or "button" or "file" or "reset") continue;
            if (type is "checkbox" or "radio" && !a.ContainsKey("checked")) continue;
            fields.Add((m.Index, name, a.GetValueOrDefault("value", type is "checkbox" or "radio" ? "on" : "")));
        }
        foreach (Match m in TextareaTag().Matches(inner))
        {
            var a = Attrs(m.Groups[1].Value);
            // A browser drops one newline right after <textarea>.
            var text = m.Groups[2].Value;
            if (text.StartsWith('\n')) text = text[1..];
            if (a.TryGetValue("name", out var name)) fields.Add((m.Index, name, WebUtility.HtmlDecode(text)));
        }
        foreach (Match m in SelectTag().Matches(inner))
        {
            var a = Attrs(m.Groups[1].Value);
            var options = OptionTag().Matches(m.Groups[2].Value).Select(o => Attrs(o.Groups[1].Value)).ToList();
            var chosen = options.FirstOrDefault(o => o.ContainsKey("selected")) ?? options.FirstOrDefault();
            if (a.TryGetValue("name", out var name) && chosen is not null) fields.Add((m.Index, name, chosen.GetValueOrDefault("value", "")));
        }
        return new HtmlForm(attributes, [.. fields.OrderBy(f => f.At).Select(f => new KeyValuePair<string, string>(f.Name, f.Value))], inner);
    }

    private static Dictionary<string, string> Attrs(string text) =>
        Attribute().Matches(text).GroupBy(m => m.Groups[1].Value.ToLowerInvariant())
            .ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups[3].Success ? g.First().Groups[3].Value : ""));

    [GeneratedRegex(@"<form\b([^>]*)>(.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormTag();

    [GeneratedRegex(@"<input\b([^>]*)/?>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex(@"<textarea\b([^>]*)>(.*?)</textarea>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TextareaTag();

    [GeneratedRegex(@"<select\b([^>]*)>(.*?)</select>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex SelectTag();

    [GeneratedRegex(@"<option\b([^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex OptionTag();

    [GeneratedRegex(@"([A-Za-z_:][-A-Za-z0-9_:.]*)(\s*=\s*""([^""]*)"")?")]
    private static partial Regex Attribute();
}
