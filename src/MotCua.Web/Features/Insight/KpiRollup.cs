using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Catalog;
using MotCua.Domain.Insight;
using MotCua.Web.Features.Insight.Data;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Insight;

/// <summary>
/// Recomputes the monthly counters of the units and months a refresh touched, from their fact rows (never by adding
/// to the old figures: a round run twice, or after a failure, gives the same counters). Every pair of the units ×
/// months touched is recomputed, a small superset of the pairs themselves.
/// </summary>
public sealed class KpiRollup(MotCuaDbContext db, KpiProcedureCounts counts)
{
    public async Task RecomputeAsync(IReadOnlyCollection<(Guid Unit, int Month)> touched, CancellationToken ct)
    {
        if (touched.Count == 0) return;
        var units = touched.Select(t => t.Unit).Distinct().ToList();
        var months = touched.Select(t => t.Month).Distinct().ToList();
        var facts = db.Set<DossierKpiFact>().Where(f => units.Contains(f.UnitId) && months.Contains(f.Month));
        var dossiers = await facts.GroupBy(f => new { f.UnitId, f.Month }).Select(g => new
        {
            g.Key.UnitId, g.Key.Month,
            Counts = new KpiCounts
            {
                Received = g.Count(f => f.Received),
                Judged = g.Count(f => f.Received && !f.Withdrawn),
                Early = g.Count(f => f.Outcome == KpiOutcome.Early),
                OnTime = g.Count(f => f.Outcome == KpiOutcome.OnTime),
                Late = g.Count(f => f.Outcome == KpiOutcome.Late),
                OpenInTime = g.Count(f => f.Outcome == KpiOutcome.OpenInTime),
                OpenOverdue = g.Count(f => f.Outcome == KpiOutcome.OpenOverdue),
                Withdrawn = g.Count(f => f.Withdrawn),
                Finished = g.Count(f => f.Finished),
                FinishedMinutes = g.Sum(f => f.ProcessingMinutes),
                ElectronicResult = g.Count(f => f.ElectronicResult),
                Online = g.Count(f => f.Received && f.Channel == Channel.Online),
                OnlineFull = g.Count(f => f.OnlineFull),
                Counter = g.Count(f => f.Received && f.Channel == Channel.Counter),
                Post = g.Count(f => f.Received && f.Channel == Channel.Post),
                Digitised = g.Count(f => f.Digitised),
                FeeBearing = g.Count(f => f.FeeBearing),
                PaidOnline = g.Count(f => f.PaidOnline),
                PaidAtCounter = g.Count(f => f.PaidAtCounter),
                NegativeRating = g.Count(f => f.NegativeRating),
                LateOrComplained = g.Count(f => f.Outcome == KpiOutcome.Late || f.Outcome == KpiOutcome.OpenOverdue
                    || (f.NegativeRating && f.Outcome != KpiOutcome.None)),
                RefusedAtReception = g.Count(f => f.RefusedAtReception),
            },
        }).ToListAsync(ct);
        var feedback = await db.Set<FeedbackKpiFact>().Where(f => units.Contains(f.UnitId) && months.Contains(f.Month))
            .GroupBy(f => new { f.UnitId, f.Month }).Select(g => new
            {
                g.Key.UnitId, g.Key.Month, Received = g.Count(), OnTime = g.Count(f => f.OnTime), OpenInTime = g.Count(f => f.OpenInTime),
                Rated = g.Count(f => f.Rated), Satisfied = g.Count(f => f.Satisfied), Reopened = g.Count(f => f.Reopened),
            }).ToListAsync(ct);
        var procedures = await facts.Where(f => f.Received).GroupBy(f => new { f.UnitId, f.Month, f.ProcedureCode }).Select(g => new KpiProcedureMonth
        {
            UnitId = g.Key.UnitId, Month = g.Key.Month, ProcedureCode = g.Key.ProcedureCode, Dossiers = g.Count(),
            Online = g.Count(f => f.Channel == Channel.Online), FeeBearing = g.Count(f => f.FeeBearing), PaidOnline = g.Count(f => f.PaidOnline),
        }).ToListAsync(ct);

        var rows = dossiers.ToDictionary(x => (x.UnitId, x.Month), x => x.Counts);
        foreach (var x in feedback)
        {
            rows[(x.UnitId, x.Month)] = (rows.GetValueOrDefault((x.UnitId, x.Month)) ?? new KpiCounts()) with
            {
                FeedbackReceived = x.Received, FeedbackOnTime = x.OnTime, FeedbackOpenInTime = x.OpenInTime,
                FeedbackRated = x.Rated, FeedbackSatisfied = x.Satisfied, FeedbackReopened = x.Reopened,
            };
        }

        await db.Set<KpiUnitMonth>().Where(r => units.Contains(r.UnitId) && months.Contains(r.Month)).ExecuteDeleteAsync(ct);
        await db.Set<KpiProcedureMonth>().Where(r => units.Contains(r.UnitId) && months.Contains(r.Month)).ExecuteDeleteAsync(ct);
        db.AddRange(rows.Select(r => new KpiUnitMonth { UnitId = r.Key.UnitId, Month = r.Key.Month, Counts = r.Value }));
        db.AddRange(procedures);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        // The whole city's rows (unit Guid.Empty) of the months touched, summed from the units' rows: the city's scorecard
        // counts distinct procedures over a few thousand rows instead of every unit's.
        var city = await db.Set<KpiProcedureMonth>().Where(r => months.Contains(r.Month) && r.UnitId != KpiProcedureMonth.City)
            .GroupBy(r => new { r.Month, r.ProcedureCode }).Select(g => new KpiProcedureMonth
            {
                // The unit is left to its default (the city's Guid.Empty): a constant in the select list reaches PostgreSQL untyped.
                Month = g.Key.Month, ProcedureCode = g.Key.ProcedureCode, Dossiers = g.Sum(r => r.Dossiers),
                Online = g.Sum(r => r.Online), FeeBearing = g.Sum(r => r.FeeBearing), PaidOnline = g.Sum(r => r.PaidOnline),
            }).ToListAsync(ct);
        await db.Set<KpiProcedureMonth>().Where(r => r.UnitId == KpiProcedureMonth.City && months.Contains(r.Month)).ExecuteDeleteAsync(ct);
        db.AddRange(city);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        // Distinct-procedure counts per whole period (month, quarter, year) for units, levels and the city.
        await counts.RecomputeAsync(months, ct);
    }
}
