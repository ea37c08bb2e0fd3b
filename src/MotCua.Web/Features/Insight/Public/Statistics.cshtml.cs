using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Domain.Insight;

namespace MotCua.Web.Features.Insight.Public;

/// <summary>
/// /statistics: the public statistics, as transparent as the national portal's — the city's total and every unit's
/// received, on-time and online figures and points for a period, with the open-data files. Aggregates only.
/// </summary>
[AllowAnonymous]
public sealed class StatisticsModel(KpiScopes scopes, KpiReader reader, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }

    public KpiPeriod Current { get; private set; } = KpiPeriod.Month(2026, 1);
    public string? PeriodError { get; private set; }
    public KpiCard? City { get; private set; }
    public IReadOnlyList<(KpiUnit Unit, KpiCard Card)> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var parsed = KpiApi.Parse(Period, null, clock);
        if (parsed.Period is null)
        {
            PeriodError = "insight.error.period";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Current = parsed.Period;
        var names = await scopes.NamesAsync(Current, ct);
        City = await reader.CardAsync(units: null, Current, ct);
        Units = [.. (await reader.PerUnitAsync(null, Current, ct)).Where(c => names.ContainsKey(c.Key))
            .Select(c => (names[c.Key], c.Value)).OrderBy(c => c.Item1.Name, StringComparer.Ordinal)];
        return Page();
    }

    public string OpenData(string format) => "/api/v1/open-data/kpis" + QueryString.Create(new Dictionary<string, string?> { ["period"] = Current.Text, ["format"] = format });
}
