using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MotCua.Domain.Insight;
using MotCua.Web.Features.Admin;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Insight;

/// <summary>
/// /staff/kpis: the dashboard for supervisors and the city — the scorecard of a unit, a level or the whole reach, its
/// trend month by month, the units side by side and ranked, a unit against its peers and its own last period. Server
/// rendered; the charts are SVG drawn here (no script, no inline style). Deny by default (the base): back office only.
/// </summary>
public sealed class KpiDashboardModel(KpiScopes scopes, KpiReader reader, KpiOverdue overdue, TimeProvider clock) : AdminPageModel
{
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }

    public KpiPeriod Current { get; private set; } = KpiPeriod.Month(2026, 1);
    public KpiScope? Shown { get; private set; }
    public KpiCard? Card { get; private set; }
    public KpiCard? Before { get; private set; }
    public IReadOnlyList<(int Month, KpiCard Card)> Trend { get; private set; } = [];
    public IReadOnlyList<(KpiUnit Unit, KpiCard Card)> Units { get; private set; } = [];
    /// <summary>The unit's rank among the units of its level within reach, their number and their average total.</summary>
    public KpiPeerStanding? Peers { get; private set; }

    /// <summary>Today's overdue and due-soon lists of the scope (dossiers, then feedback reports), the first few of each and their totals.</summary>
    public IReadOnlyList<(string List, string When, IReadOnlyList<KpiOverdueRow> Rows, long Total)> Overdue { get; private set; } = [];

    /// <summary>How many rows of each overdue list the dashboard shows; the rest are in the export.</summary>
    public const int OverdueShown = 10;

    protected override IReadOnlyList<string> FieldOrder => [nameof(Period), nameof(Level)];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var parsed = KpiApi.Parse(Period, null, clock);
        if (parsed.Period is null) AddError(nameof(Period), "insight.error.period");
        if (Level is not null && !KpiLevels.IsKnown(Level)) AddError(nameof(Level), "insight.error.level");
        if (Errors.Any)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Current = parsed.Period!;
        var (scope, error) = await scopes.ResolveAsync(Unit, Level, Current, ct);
        if (scope is null) return error == KpiScopeError.UnitNotVisible ? NotFound() : Forbidden();
        Shown = scope;
        Card = await reader.CardAsync(scope, Current, ct);
        Before = await reader.CardAsync(scope, Current.Previous(), ct);
        var year = new KpiPeriod(Current.Start.Year.ToString(CultureInfo.InvariantCulture), Current.Start.Year * 100 + 1, Current.Start.Year * 100 + 12);
        Trend = await reader.TrendAsync(scope, year, ct);
        var cards = await reader.PerUnitAsync(scope.Units, Current, ct);
        Units = [.. cards.Where(c => scope.Names.ContainsKey(c.Key)).Select(c => (scope.Names[c.Key], c.Value)).OrderByDescending(c => c.Value.Total).ThenBy(c => c.Item1.Name, StringComparer.Ordinal)];
        var lists = new List<(string, string, IReadOnlyList<KpiOverdueRow>, long)>();
        foreach (var (list, when) in new[] { ("dossiers", "overdue"), ("dossiers", "soon"), ("feedback", "overdue"), ("feedback", "soon") })
        {
            var (rows, total) = await overdue.ListAsync(list, when == "soon", scope.Units, 1, OverdueShown, ct);
            lists.Add((list, when, rows, total));
        }
        Overdue = lists;
        Peers = await KpiPeers.OfAsync(scopes, reader, scope, Current, ct);
        return Page();
    }

    public string Title => Shown?.UnitId is { } id ? Shown.Names.GetValueOrDefault(id)?.Name ?? "" : Shown?.Level is { } level ? L["insight.level." + level] : L["insight.scope." + (Shown?.Kind ?? "city")];

    public static string Points(decimal points) => KpiScoring.Shown(points).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A figure on a chart or in its table: up to two decimals.</summary>
    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The year's months as three lines on one 0–100 scale: the total points, the on-time and the online rates (%); a month without dossiers is a gap.</summary>
    public KpiLines TrendLines(string title, string description, string total, string onTime, string online)
    {
        KpiLine Line(string name, Func<KpiCard, decimal?> value) =>
            new(name, [.. Trend.Select(t => t.Card.Counts.Received == 0 ? null : value(t.Card))]);
        decimal? Rate(KpiCard c, string key) => c.Scores.Single(s => s.Definition.Key == key).Rate is { } r ? Math.Round(r * 100, 1, MidpointRounding.AwayFromZero) : null;
        return new KpiLines("trend", title, description, [.. Trend.Select(t => MonthLabel(t.Month))],
        [
            Line(total, c => KpiScoring.Shown(c.Total)), Line(onTime, c => Rate(c, KpiCatalog.OnTime)), Line(online, c => Rate(c, KpiCatalog.OnlineDossiers)),
        ]);
    }

    public static string Percent(decimal? rate) => rate is { } r ? (r * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "–";

    public static string MonthLabel(int month) => KpiPeriod.FirstDay(month).ToString("MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>This dashboard for another unit (the same period).</summary>
    public string LinkTo(Guid unit) => "/staff/kpis" + QueryString.Create(new Dictionary<string, string?> { ["period"] = Current.Text, ["unit"] = unit.ToString() });

    /// <summary>The CSV of the dossiers (or reports) behind an indicator's number, in this scope.</summary>
    public string DrillLink(string key, bool numerator) => "/api/v1/kpis/drilldown" + QueryString.Create(new Dictionary<string, string?>
    {
        ["indicator"] = key, ["part"] = numerator ? "numerator" : "denominator", ["period"] = Current.Text,
        ["unit"] = Unit?.ToString(), ["level"] = Level, ["format"] = "csv",
    }.Where(p => p.Value is not null));

    public string ExportLink(string table) => $"/api/v1/kpis/{table}" + QueryString.Create(new Dictionary<string, string?>
    {
        ["period"] = Current.Text, ["unit"] = Unit?.ToString(), ["level"] = Level, ["format"] = "csv",
    }.Where(p => p.Value is not null));

    /// <summary>The whole of an overdue list, as CSV or JSON, in this scope.</summary>
    public string OverdueLink(string list, string when, bool csv) => "/api/v1/kpis/overdue" + QueryString.Create(new Dictionary<string, string?>
    {
        ["list"] = list, ["when"] = when, ["period"] = Current.Text, ["unit"] = Unit?.ToString(), ["level"] = Level, ["format"] = csv ? "csv" : null,
    }.Where(p => p.Value is not null));

    /// <summary>The peers drawn beside the unit: the first ten of its level and, if it is not among them, the unit itself.</summary>
    public IEnumerable<KeyValuePair<Guid, decimal>> PeerBars()
    {
        if (Peers is null) return [];
        var shown = Peers.Ranked.Take(10).ToList();
        if (Unit is { } id && !shown.Any(p => p.Key == id)) shown.AddRange(Peers.Ranked.Where(p => p.Key == id));
        return shown;
    }

    public string UnitName(Guid id) => Shown?.Names.GetValueOrDefault(id)?.Name ?? "";

    public static string Today(TimeProvider clock) => VietnamTime.Display(clock.GetUtcNow());
}
