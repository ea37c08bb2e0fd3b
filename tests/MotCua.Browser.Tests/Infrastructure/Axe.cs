using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MotCua.Browser.Tests.Infrastructure;

/// <summary>
/// axe-core (from npm, see package.json) run inside the page against WCAG 2.0, 2.1 and 2.2 A/AA and axe's
/// best practices. Serious and critical findings fail the test; minor and moderate ones are reported by
/// the caller only when asked.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(LoadSource);

    private static readonly string[] Failing = ["serious", "critical"];

    private const string RunScript = """
        async () => {
            const result = await axe.run(document, {
                runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
                resultTypes: ['violations'],
            });
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                targets: v.nodes.map(n => n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : t).join(' ')),
            }));
        }
        """;

    public static async Task<IReadOnlyList<AxeViolation>> RunAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            // Inline script: pages under a Content-Security-Policy need a context with BypassCSP = true.
            await page.AddScriptTagAsync(new() { Content = Source.Value });
        }
        var json = await page.EvaluateAsync<JsonElement>(RunScript);
        return json.Deserialize<AxeViolation[]>(JsonOptions) ?? [];
    }

    /// <summary>
    /// Fails with every serious or critical violation: rule, impact, help and the elements hit. Returns the
    /// minor and moderate ones, for the caller to report.
    /// </summary>
    public static async Task<IReadOnlyList<AxeViolation>> AssertNoSeriousViolationsAsync(IPage page)
    {
        var violations = await RunAsync(page);
        var failing = violations.Where(v => Failing.Contains(v.Impact)).ToList();
        if (failing.Count == 0) return violations;
        var message = new StringBuilder($"axe-core found {failing.Count} serious or critical accessibility violation(s) on {page.Url}:");
        foreach (var v in failing)
        {
            message.AppendLine().Append($"- {v.Id} ({v.Impact}): {v.Help} <{v.HelpUrl}>");
            foreach (var target in v.Targets.Take(10)) message.AppendLine().Append($"    at {target}");
            if (v.Targets.Count > 10) message.AppendLine().Append($"    … and {v.Targets.Count - 10} more");
        }
        throw new AccessibilityException(message.ToString());
    }

    public static string Describe(AxeViolation v) => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Targets.Take(5))}";

    private static string LoadSource()
    {
        var candidates = new[] { TestFolders.Project?.FullName, AppContext.BaseDirectory }
            .OfType<string>()
            .Select(dir => Path.Combine(dir, "node_modules", "axe-core", "axe.min.js"));
        var file = candidates.FirstOrDefault(File.Exists) ?? throw new InvalidOperationException(
            "axe-core is missing: run `npm ci` in tests/MotCua.Browser.Tests (./test.sh does this).");
        return File.ReadAllText(file);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };
}

public sealed record AxeViolation(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("impact")] string? Impact,
    [property: JsonPropertyName("help")] string Help,
    [property: JsonPropertyName("helpUrl")] string HelpUrl,
    [property: JsonPropertyName("targets")] IReadOnlyList<string> Targets);

public sealed class AccessibilityException(string message) : Exception(message);
