using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace MotCua.Web.Infrastructure.Localization;

/// <summary>
/// UI strings from Localization/&lt;area&gt;.&lt;culture&gt;.json (flat key → text), compiled into the assembly;
/// each module keeps its own area file, merged here (a key defined twice is an error at start-up).
/// Vietnamese is the reference language: a key missing in English falls back to Vietnamese, and a key
/// missing everywhere shows the key itself, which the localisation test reports.
/// </summary>
public sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    private readonly JsonStringLocalizer _localizer = new(Load());

    public IStringLocalizer Create(Type resourceSource) => _localizer;

    public IStringLocalizer Create(string baseName, string location) => _localizer;

    internal static FrozenDictionary<string, FrozenDictionary<string, string>> Load()
    {
        var assembly = typeof(JsonStringLocalizerFactory).Assembly;
        var tables = new Dictionary<string, FrozenDictionary<string, string>>();
        foreach (var culture in HostSetup.Cultures)
        {
            var table = new Dictionary<string, string>(StringComparer.Ordinal);
            var suffix = $".{culture.Name}.json";
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("MotCua.Strings.", StringComparison.Ordinal) && n.EndsWith(suffix, StringComparison.Ordinal)))
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                foreach (var (key, text) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [])
                {
                    if (!table.TryAdd(key, text)) throw new InvalidOperationException($"UI string {key} is defined twice ({name}).");
                }
            }
            if (table.Count == 0) throw new InvalidOperationException($"Missing UI strings for {culture.Name}.");
            tables[culture.Name] = table.ToFrozenDictionary(StringComparer.Ordinal);
        }
        return tables.ToFrozenDictionary();
    }
}

public sealed class JsonStringLocalizer(FrozenDictionary<string, FrozenDictionary<string, string>> tables) : IStringLocalizer
{
    public LocalizedString this[string name] => Find(name, null);

    public LocalizedString this[string name, params object[] arguments] => Find(name, arguments);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        Table(CultureInfo.CurrentUICulture).Select(kv => new LocalizedString(kv.Key, kv.Value));

    private LocalizedString Find(string name, object[]? arguments)
    {
        var found = Table(CultureInfo.CurrentUICulture).TryGetValue(name, out var text)
            || tables["vi"].TryGetValue(name, out text);
        var value = text ?? name;
        if (arguments is { Length: > 0 }) value = string.Format(CultureInfo.CurrentCulture, value, arguments);
        return new LocalizedString(name, value, resourceNotFound: !found);
    }

    private FrozenDictionary<string, string> Table(CultureInfo culture) =>
        tables.TryGetValue(culture.TwoLetterISOLanguageName, out var table) ? table : tables["vi"];
}
