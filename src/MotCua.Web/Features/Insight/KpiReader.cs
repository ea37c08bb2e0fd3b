using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Insight;
using MotCua.Web.Features.Insight.Data;
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
public sealed class KpiReader(MotCuaDbContext db)
{
    public async Task<KpiCard> CardAsync(IReadOnlyCollection<Guid>? units, KpiPeriod period, CancellationToken ct)
    {
        var counts = KpiCounts.Sum(await Months(units, period).Select(r => r.Counts).ToListAsync(ct));
        var procedures = await Procedures(units, period).GroupBy(r => r.ProcedureCode)
            .Select(g => new ProcedureSums(g.Key, 0, g.Sum(r => r.Online), g.Sum(r => r.FeeBearing), g.Sum(r => r.PaidOnline))).ToListAsync(ct);
        counts = WithProcedures(counts, procedures);
        return new KpiCard(counts, KpiScorecard.Compute(counts, await EnteredAsync(units, period, ct)));
    }

    /// <summary>One card per unit that has any figure in the period, for the side-by-side table and the ranking.</summary>
    public async Task<IReadOnlyDictionary<Guid, KpiCard>> PerUnitAsync(IReadOnlyCollection<Guid>? units, KpiPeriod period, CancellationToken ct)
    {
        var months = (await Months(units, period).Select(r => new { r.UnitId, r.Counts }).ToListAsync(ct))
            .GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => KpiCounts.Sum(g.Select(r => r.Counts)));
        var procedures = (await Procedures(units, period, perUnit: true).GroupBy(r => new { r.UnitId, r.ProcedureCode })
                .Select(g => new { g.Key.UnitId, Sums = new ProcedureSums(g.Key.ProcedureCode, 0, g.Sum(r => r.Online), g.Sum(r => r.FeeBearing), g.Sum(r => r.PaidOnline)) })
                .ToListAsync(ct))
            .ToLookup(p => p.UnitId, p => p.Sums);
        var entered = (await EnteredRows(units, period).Select(e => new { e.UnitId, e.Key, e.Numerator, e.Denominator }).ToListAsync(ct))
            .ToLookup(e => e.UnitId, e => new KpiEntered(e.Key, e.Numerator, e.Denominator));
        return months.Keys.Union(entered.Select(g => g.Key)).ToDictionary(u => u, u =>
        {
            var c = WithProcedures(months.GetValueOrDefault(u) ?? new KpiCounts(), procedures[u]);
            return new KpiCard(c, KpiScorecard.Compute(c, entered[u]));
        });
    }

    /// <summary>One card per month of the period, for the trend lines: three queries for the whole period, split by month here.</summary>
    public async Task<IReadOnlyList<(int Month, KpiCard Card)>> TrendAsync(IReadOnlyCollection<Guid>? units, KpiPeriod period, CancellationToken ct)
    {
        var months = (await Months(units, period).Select(r => new { r.Month, r.Counts }).ToListAsync(ct)).ToLookup(r => r.Month, r => r.Counts);
        var procedures = (await Procedures(units, period).GroupBy(r => new { r.Month, r.ProcedureCode })
                .Select(g => new ProcedureSums(g.Key.ProcedureCode, g.Key.Month, g.Sum(r => r.Online), g.Sum(r => r.FeeBearing), g.Sum(r => r.PaidOnline)))
                .ToListAsync(ct))
            .ToLookup(p => p.Month);
        var entered = (await EnteredRows(units, period).Select(e => new { e.Month, e.Key, e.Numerator, e.Denominator }).ToListAsync(ct))
            .ToLookup(e => e.Month, e => new KpiEntered(e.Key, e.Numerator, e.Denominator));
        return [.. period.Months().Select(month =>
        {
            var c = WithProcedures(KpiCounts.Sum(months[month]), procedures[month]);
            return (month, new KpiCard(c, KpiScorecard.Compute(c, entered[month])));
        })];
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

    private async Task<List<KpiEntered>> EnteredAsync(IReadOnlyCollection<Guid>? units, KpiPeriod period, CancellationToken ct) =>
        (await EnteredRows(units, period).Select(e => new { e.Key, e.Numerator, e.Denominator }).ToListAsync(ct))
            .Select(e => new KpiEntered(e.Key, e.Numerator, e.Denominator)).ToList();

    private IQueryable<KpiUnitMonth> Months(IReadOnlyCollection<Guid>? units, KpiPeriod period)
    {
        var q = db.Set<KpiUnitMonth>().AsNoTracking().Where(r => r.Month >= period.FirstMonth && r.Month <= period.LastMonth);
        return units is null ? q : q.Where(r => units.Contains(r.UnitId));
    }

    /// <summary>The whole city reads the city's rows; any other scope its units' (per unit: <paramref name="perUnit"/>).</summary>
    private IQueryable<KpiProcedureMonth> Procedures(IReadOnlyCollection<Guid>? units, KpiPeriod period, bool perUnit = false)
    {
        var q = db.Set<KpiProcedureMonth>().AsNoTracking().Where(r => r.Month >= period.FirstMonth && r.Month <= period.LastMonth);
        if (units is not null) return q.Where(r => units.Contains(r.UnitId));
        return perUnit ? q.Where(r => r.UnitId != KpiProcedureMonth.City) : q.Where(r => r.UnitId == KpiProcedureMonth.City);
    }

    private IQueryable<KpiEnteredValue> EnteredRows(IReadOnlyCollection<Guid>? units, KpiPeriod period)
    {
        var q = db.Set<KpiEnteredValue>().AsNoTracking().Where(r => r.Month >= period.FirstMonth && r.Month <= period.LastMonth);
        return units is null ? q : q.Where(r => units.Contains(r.UnitId));
    }
}
