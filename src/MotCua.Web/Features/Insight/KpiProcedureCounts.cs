using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Insight;
using MotCua.Web.Features.Insight.Data;
using MotCua.Web.Features.Organization;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Insight;

/// <summary>
/// Keeps <see cref="KpiProcedureCount"/> current: for every month, quarter and year that contains a month a refresh round
/// touched, one grouped read of the unit × month × procedure rows (at most units × procedures rows come back), then the
/// distinct counts per unit, per level (units as of the period's last day, as a level scope reads them) and for the city.
/// </summary>
public sealed class KpiProcedureCounts(MotCuaDbContext db, UnitDirectory directory)
{
    public async Task RecomputeAsync(IEnumerable<int> months, CancellationToken ct)
    {
        foreach (var period in months.SelectMany(Periods).DistinctBy(PeriodKey).ToList())
        {
            var key = PeriodKey(period);
            var sums = await db.Set<KpiProcedureMonth>().AsNoTracking()
                .Where(r => r.UnitId != KpiProcedureMonth.City && r.Month >= period.FirstMonth && r.Month <= period.LastMonth)
                .GroupBy(r => new { r.UnitId, r.ProcedureCode })
                .Select(g => new Sums(g.Key.UnitId, g.Key.ProcedureCode, g.Sum(r => r.Online), g.Sum(r => r.FeeBearing), g.Sum(r => r.PaidOnline)))
                .ToListAsync(ct);
            var names = await KpiScopes.NamesAsync(db, directory.Today, period, ct);
            var rows = sums.GroupBy(s => s.Unit.ToString()).Select(g => Count(g.Key, key, g))
                .Concat(sums.Where(s => names.ContainsKey(s.Unit)).GroupBy(s => names[s.Unit].Level)
                    .Select(g => Count(KpiProcedureCount.LevelScope(g.Key), key, Merge(g))))
                .Append(Count(KpiProcedureCount.CityScope, key, Merge(sums)))
                .ToList();
            await db.Set<KpiProcedureCount>().Where(r => r.Period == key).ExecuteDeleteAsync(ct);
            db.AddRange(rows);
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>The precomputed counts of a scope key over a whole period, or null when none were computed (then count live).</summary>
    public async Task<KpiProcedureCount?> FindAsync(string scope, KpiPeriod period, CancellationToken ct)
    {
        var key = PeriodKey(period);
        return await db.Set<KpiProcedureCount>().AsNoTracking().SingleOrDefaultAsync(r => r.Scope == scope && r.Period == key, ct);
    }

    /// <summary>The precomputed rows of several scopes (or several periods of one scope), by scope and period key.</summary>
    public async Task<Dictionary<(string Scope, string Period), KpiProcedureCount>> FindAsync(
        IReadOnlyCollection<string> scopes, IReadOnlyCollection<KpiPeriod> periods, CancellationToken ct)
    {
        var keys = periods.Select(PeriodKey).ToList();
        return await db.Set<KpiProcedureCount>().AsNoTracking().Where(r => scopes.Contains(r.Scope) && keys.Contains(r.Period))
            .ToDictionaryAsync(r => (r.Scope, r.Period), ct);
    }

    public static string PeriodKey(KpiPeriod period) => KpiProcedureCount.PeriodKey(period);

    /// <summary>The month, its quarter and its year.</summary>
    private static IEnumerable<KpiPeriod> Periods(int month)
    {
        int year = month / 100, m = month % 100, q = (m - 1) / 3;
        yield return KpiPeriod.Month(year, m);
        yield return new KpiPeriod($"{year}-Q{q + 1}", year * 100 + q * 3 + 1, year * 100 + q * 3 + 3);
        yield return new KpiPeriod($"{year}", year * 100 + 1, year * 100 + 12);
    }

    private sealed record Sums(Guid Unit, string Code, int Online, int Fee, int Paid);

    /// <summary>Several units' sums of the same procedure added together, so a procedure counts once per scope.</summary>
    private static IEnumerable<Sums> Merge(IEnumerable<Sums> sums) =>
        sums.GroupBy(s => s.Code).Select(g => new Sums(Guid.Empty, g.Key, g.Sum(s => s.Online), g.Sum(s => s.Fee), g.Sum(s => s.Paid)));

    private static KpiProcedureCount Count(string scope, string period, IEnumerable<Sums> sums)
    {
        var list = sums.ToList();
        return new KpiProcedureCount
        {
            Scope = scope, Period = period, Procedures = list.Count, UsedOnline = list.Count(s => s.Online > 0),
            FeeBearing = list.Count(s => s.Fee > 0), PaidOnline = list.Count(s => s.Paid > 0),
        };
    }
}
