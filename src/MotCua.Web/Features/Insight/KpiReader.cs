using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Insight;
using MotCua.Web.Features.Insight.Data;
using MotCua.Web.Features.Organization;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Insight;

/// <summary>A scorecard: the counts, every indicator's score and the total out of 100.</summary>
public sealed record KpiCard(KpiCounts Counts, IReadOnlyList<KpiScore> Scores)
{
    public decimal Total => KpiScoring.Total(Scores);
}

/// <summary>
/// Reads the scorecards from the monthly counters only (a city's year is a few thousand rows, never the dossiers):
/// sums of the unit × month rows, distinct procedures from the unit × month × procedure rows, and the entered figures.
/// </summary>
public sealed class KpiReader(MotCuaDbContext db, KpiProcedureCounts precomputed, KpiCatalogFigures catalogue, UnitDirectory directory)
{
    public Task<KpiCard> CardAsync(KpiScope scope, KpiPeriod period, CancellationToken ct) => CardAsync(scope.Units, period, ct, scope.Counts);

    /// <summary>
    /// A scope's card. <paramref name="counts"/> names the scope's precomputed distinct-procedure counts (the city, a whole
    /// level, one unit): read as one row when the refresh has computed them, else counted over the procedure rows.
    /// </summary>
    public async Task<KpiCard> CardAsync(IReadOnlyCollection<Guid>? units, KpiPeriod period, CancellationToken ct, string? counts = null)
    {
        var sums = KpiCounts.Sum(await Months(units, period).Select(r => r.Counts).ToListAsync(ct));
        counts ??= units is null ? KpiProcedureCount.CityScope : units.Count == 1 ? units.First().ToString() : null;
        if (counts is not null && await precomputed.FindAsync(counts, period, ct) is { } row) sums = With(sums, row);
        else
        {
            var procedures = await Procedures(units, period).GroupBy(r => r.ProcedureCode)
                .Select(g => new ProcedureSums(g.Key, 0, g.Sum(r => r.Online), g.Sum(r => r.FeeBearing), g.Sum(r => r.PaidOnline))).ToListAsync(ct);
            sums = WithProcedures(sums, procedures);
        }
        sums = await catalogue.WithAsync(sums, units is null ? null : await LevelsAsync(units, period, ct), period, ct);
        return new KpiCard(sums, KpiScorecard.Compute(sums, await EnteredAsync(units, period, ct)));
    }

    /// <summary>One card per unit that has any figure in the period, for the side-by-side table and the ranking.</summary>
    public async Task<IReadOnlyDictionary<Guid, KpiCard>> PerUnitAsync(IReadOnlyCollection<Guid>? units, KpiPeriod period, CancellationToken ct)
    {
        var months = (await Months(units, period).Select(r => new { r.UnitId, r.Counts }).ToListAsync(ct))
            .GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => KpiCounts.Sum(g.Select(r => r.Counts)));
        // Each unit's precomputed counts; only units without them (none once the refresh has run) are counted live.
        var rows = await precomputed.FindAsync([.. months.Keys.Select(u => u.ToString())], [period], ct);
        var live = months.Keys.Where(u => !rows.ContainsKey((u.ToString(), KpiProcedureCounts.PeriodKey(period)))).ToList();
        var procedures = live.Count == 0 ? Enumerable.Empty<ProcedureSums>().ToLookup(p => Guid.Empty) : (await Procedures(live, period).GroupBy(r => new { r.UnitId, r.ProcedureCode })
                .Select(g => new { g.Key.UnitId, Sums = new ProcedureSums(g.Key.ProcedureCode, 0, g.Sum(r => r.Online), g.Sum(r => r.FeeBearing), g.Sum(r => r.PaidOnline)) })
                .ToListAsync(ct))
            .ToLookup(p => p.UnitId, p => p.Sums);
        var entered = (await EnteredRows(units, period).Select(e => new { e.UnitId, e.Key, e.Numerator, e.Denominator }).ToListAsync(ct))
            .ToLookup(e => e.UnitId, e => new KpiEntered(e.Key, e.Numerator, e.Denominator));
        var names = await NamesAsync(period, ct);
        var byLevel = new Dictionary<string, KpiCounts>();
        foreach (var level in KpiLevels.All) byLevel[level] = await catalogue.WithAsync(new KpiCounts(), [level], period, ct);
        var cards = new Dictionary<Guid, KpiCard>();
        foreach (var u in months.Keys.Union(entered.Select(g => g.Key)))
        {
            var c = months.GetValueOrDefault(u) ?? new KpiCounts();
            c = rows.TryGetValue((u.ToString(), KpiProcedureCounts.PeriodKey(period)), out var row) ? With(c, row) : WithProcedures(c, procedures[u]);
            c = WithCatalogue(c, names.GetValueOrDefault(u) is { } n ? byLevel[n.Level] : await catalogue.WithAsync(new KpiCounts(), null, period, ct));
            cards[u] = new KpiCard(c, KpiScorecard.Compute(c, entered[u]));
        }
        return cards;
    }

    /// <summary>One card per month of the period, for the trend lines: three queries for the whole period, split by month here.</summary>
    public async Task<IReadOnlyList<(int Month, KpiCard Card)>> TrendAsync(KpiScope scope, KpiPeriod period, CancellationToken ct)
    {
        var units = scope.Units;
        var months = (await Months(units, period).Select(r => new { r.Month, r.Counts }).ToListAsync(ct)).ToLookup(r => r.Month, r => r.Counts);
        var monthly = period.Months().Select(m => KpiPeriod.Month(m / 100, m % 100)).ToList();
        var rows = scope.Counts is { } key ? (await precomputed.FindAsync([key], monthly, ct)).Values.ToDictionary(r => r.Period) : [];
        // Counted live only when a month with dossiers has no precomputed row.
        var live = monthly.Any(m => months[m.FirstMonth].Any() && !rows.ContainsKey(KpiProcedureCounts.PeriodKey(m)));
        var procedures = !live ? Enumerable.Empty<ProcedureSums>().ToLookup(p => 0) : (await Procedures(units, period).GroupBy(r => new { r.Month, r.ProcedureCode })
                .Select(g => new ProcedureSums(g.Key.ProcedureCode, g.Key.Month, g.Sum(r => r.Online), g.Sum(r => r.FeeBearing), g.Sum(r => r.PaidOnline)))
                .ToListAsync(ct))
            .ToLookup(p => p.Month);
        var entered = (await EnteredRows(units, period).Select(e => new { e.Month, e.Key, e.Numerator, e.Denominator }).ToListAsync(ct))
            .ToLookup(e => e.Month, e => new KpiEntered(e.Key, e.Numerator, e.Denominator));
        var levels = units is null ? null : await LevelsAsync(units, period, ct);
        var trend = new List<(int, KpiCard)>();
        foreach (var m in monthly)
        {
            var month = m.FirstMonth;
            var c = KpiCounts.Sum(months[month]);
            c = rows.TryGetValue(KpiProcedureCounts.PeriodKey(m), out var row) ? With(c, row) : WithProcedures(c, procedures[month]);
            c = await catalogue.WithAsync(c, levels, m, ct);
            trend.Add((month, new KpiCard(c, KpiScorecard.Compute(c, entered[month]))));
        }
        return trend;
    }

    /// <summary>One procedure's sums over the rows of a scope (and a month, for the trend).</summary>
    private sealed record ProcedureSums(string Code, int Month, int Online, int Fee, int Paid);

    /// <summary>The distinct-procedure counts of O2 and F2, from one scope's procedure sums.</summary>
    private static KpiCounts WithProcedures(KpiCounts counts, IEnumerable<ProcedureSums> procedures)
    {
        var p = procedures.ToList();
        return counts with
        {
            ProceduresWithDossiers = p.Count, ProceduresUsedOnline = p.Count(x => x.Online > 0),
            ProceduresFeeBearing = p.Count(x => x.Fee > 0), ProceduresPaidOnline = p.Count(x => x.Paid > 0),
        };
    }

    private readonly Dictionary<string, IReadOnlyDictionary<Guid, KpiUnit>> _names = [];

    /// <summary>The units' names and levels as on the period's last day, read once per period and request.</summary>
    private async Task<IReadOnlyDictionary<Guid, KpiUnit>> NamesAsync(KpiPeriod period, CancellationToken ct)
    {
        var key = KpiProcedureCounts.PeriodKey(period);
        if (!_names.TryGetValue(key, out var names)) _names[key] = names = await KpiScopes.NamesAsync(db, directory.Today, period, ct);
        return names;
    }

    /// <summary>The levels of a scope's units (for the catalogue indicators O1 and F1).</summary>
    private async Task<IReadOnlyCollection<string>> LevelsAsync(IReadOnlyCollection<Guid> units, KpiPeriod period, CancellationToken ct)
    {
        return KpiScopes.Levels(units, await NamesAsync(period, ct));
    }

    private static KpiCounts WithCatalogue(KpiCounts counts, KpiCounts catalogue) => counts with
    {
        CatalogProcedures = catalogue.CatalogProcedures, CatalogFullyOnline = catalogue.CatalogFullyOnline,
        CatalogFeeBearing = catalogue.CatalogFeeBearing, CatalogPayableOnline = catalogue.CatalogPayableOnline,
    };

    private static KpiCounts With(KpiCounts counts, KpiProcedureCount row) => counts with
    {
        ProceduresWithDossiers = row.Procedures, ProceduresUsedOnline = row.UsedOnline, ProceduresFeeBearing = row.FeeBearing, ProceduresPaidOnline = row.PaidOnline,
    };

    private async Task<List<KpiEntered>> EnteredAsync(IReadOnlyCollection<Guid>? units, KpiPeriod period, CancellationToken ct) =>
        (await EnteredRows(units, period).Select(e => new { e.Key, e.Numerator, e.Denominator }).ToListAsync(ct))
            .Select(e => new KpiEntered(e.Key, e.Numerator, e.Denominator)).ToList();

    private IQueryable<KpiUnitMonth> Months(IReadOnlyCollection<Guid>? units, KpiPeriod period)
    {
        var q = db.Set<KpiUnitMonth>().AsNoTracking().Where(r => r.Month >= period.FirstMonth && r.Month <= period.LastMonth);
        return units is null ? q : q.Where(r => units.Contains(r.UnitId));
    }

    /// <summary>The whole city reads the city's rows; any other scope its units'.</summary>
    private IQueryable<KpiProcedureMonth> Procedures(IReadOnlyCollection<Guid>? units, KpiPeriod period)
    {
        var q = db.Set<KpiProcedureMonth>().AsNoTracking().Where(r => r.Month >= period.FirstMonth && r.Month <= period.LastMonth);
        if (units is not null) return q.Where(r => units.Contains(r.UnitId));
        return q.Where(r => r.UnitId == KpiProcedureMonth.City);
    }

    private IQueryable<KpiEnteredValue> EnteredRows(IReadOnlyCollection<Guid>? units, KpiPeriod period)
    {
        var q = db.Set<KpiEnteredValue>().AsNoTracking().Where(r => r.Month >= period.FirstMonth && r.Month <= period.LastMonth);
        return units is null ? q : q.Where(r => units.Contains(r.UnitId));
    }
}
