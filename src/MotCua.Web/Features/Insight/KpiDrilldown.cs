using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Catalog;
using MotCua.Domain.Feedback;
using MotCua.Domain.Insight;
using MotCua.Web.Infrastructure;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Insight;

/// <summary>One row behind a number: a dossier, a feedback report or a procedure. No personal data.</summary>
public sealed record KpiDrillRow(string Kind, string Id, string? Code, string? Procedure, Guid UnitId, string? Status, string? ReceivedAt, string? Outcome, string? Channel);

/// <summary>
/// The dossiers (or reports, or procedures) behind an indicator's numerator or denominator, with exactly the filters the
/// counters were summed with, so the list's length is the number shown.
/// </summary>
public sealed class KpiDrilldown(MotCuaDbContext db, KpiCatalogFigures catalogue, Organization.UnitDirectory directory)
{
    public const int PageSize = 100;

    public static bool Supports(string key) => DossierFilter(key, true) is not null || FeedbackFilter(key, true) is not null
        || key is KpiCatalog.OnlineServicesUsed or KpiCatalog.ProceduresPaidOnline or KpiCatalog.ProceduresOfferedOnline or KpiCatalog.PayableOnline;

    public async Task<(IReadOnlyList<KpiDrillRow> Rows, long Total)> RowsAsync(
        string key, bool numerator, IReadOnlyCollection<Guid>? units, KpiPeriod period, int page, CancellationToken ct)
    {
        if (DossierFilter(key, numerator) is { } dossierFilter)
        {
            var facts = InScope(db.Set<Domain.Insight.DossierKpiFact>().AsNoTracking(), units, period).Where(dossierFilter);
            var total = await facts.LongCountAsync(ct);
            var rows = await (from f in facts
                              join d in db.Dossiers on f.DossierId equals d.Id
                              orderby d.ReceivedAt, f.DossierId
                              select new { f.DossierId, d.Code, d.Reference, f.ProcedureCode, f.UnitId, d.Status, d.ReceivedAt, f.Outcome, f.Channel })
                .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
            return (rows.Select(r => new KpiDrillRow("dossier", r.DossierId.ToString(), r.Code ?? r.Reference, r.ProcedureCode, r.UnitId,
                ((int)r.Status).ToString(System.Globalization.CultureInfo.InvariantCulture), r.ReceivedAt is { } at ? VietnamTime.Iso(at) : null,
                r.Outcome.ToString(), r.Channel.ToString())).ToList(), total);
        }
        if (FeedbackFilter(key, numerator) is { } feedbackFilter)
        {
            var facts = db.Set<FeedbackKpiFact>().AsNoTracking().Where(f => f.Month >= period.FirstMonth && f.Month <= period.LastMonth);
            if (units is not null) facts = facts.Where(f => units.Contains(f.UnitId));
            facts = facts.Where(feedbackFilter);
            var total = await facts.LongCountAsync(ct);
            var rows = await (from f in facts
                              join r in db.Set<FeedbackReport>() on f.ReportId equals r.Id
                              orderby r.ReceivedAt, f.ReportId
                              select new { f.ReportId, r.Number, r.CategoryCode, f.UnitId, r.Status, r.ReceivedAt })
                .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
            return (rows.Select(r => new KpiDrillRow("feedback", r.ReportId.ToString(), r.Number, r.CategoryCode, r.UnitId, r.Status.ToString(),
                VietnamTime.Iso(r.ReceivedAt), null, null)).ToList(), total);
        }
        if (key is KpiCatalog.ProceduresOfferedOnline or KpiCatalog.PayableOnline)
        {
            // O1 and F1 count the catalogue's procedures for the scope's levels: the rows are those procedures (the catalogue is the city's: no unit).
            var levels = units is null ? null : KpiScopes.Levels(units, await KpiScopes.NamesAsync(db, directory.Today, period, ct));
            var entries = (await catalogue.CurrentAsync(levels, period, ct))
                .Where(e => key == KpiCatalog.ProceduresOfferedOnline ? !numerator || e.FullyOnline : e.FeeBearing && (!numerator || e.OnlineFiling)).ToList();
            return ([.. entries.Skip((page - 1) * PageSize).Take(PageSize)
                .Select(e => new KpiDrillRow("procedure", e.Code, e.Code, e.Name, Guid.Empty, null, null, null, null))], entries.Count);
        }
        // O2 and F2 count procedures: the rows are the procedures, with the unit where each was counted first.
        var q = db.Set<Data.KpiProcedureMonth>().AsNoTracking().Where(r => r.Month >= period.FirstMonth && r.Month <= period.LastMonth);
        q = units is null ? q.Where(r => r.UnitId != Data.KpiProcedureMonth.City) : q.Where(r => units.Contains(r.UnitId));
        var procedures = (await q.GroupBy(r => r.ProcedureCode)
                .Select(g => new { Code = g.Key, Online = g.Sum(r => r.Online), Fee = g.Sum(r => r.FeeBearing), Paid = g.Sum(r => r.PaidOnline), Unit = g.Min(r => r.UnitId) })
                .ToListAsync(ct))
            .Where(p => key == KpiCatalog.OnlineServicesUsed ? !numerator || p.Online > 0 : numerator ? p.Paid > 0 : p.Fee > 0)
            .OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
        return (procedures.Skip((page - 1) * PageSize).Take(PageSize)
            .Select(p => new KpiDrillRow("procedure", p.Code, p.Code, p.Code, p.Unit, null, null, null, null)).ToList(), procedures.Count);
    }

    private static IQueryable<Domain.Insight.DossierKpiFact> InScope(IQueryable<Domain.Insight.DossierKpiFact> q, IReadOnlyCollection<Guid>? units, KpiPeriod period)
    {
        q = q.Where(f => f.Month >= period.FirstMonth && f.Month <= period.LastMonth);
        return units is null ? q : q.Where(f => units.Contains(f.UnitId));
    }

    private static Expression<Func<Domain.Insight.DossierKpiFact, bool>>? DossierFilter(string key, bool numerator) => (key, numerator) switch
    {
        (KpiCatalog.OnTime, true) => f => f.Outcome == KpiOutcome.Early || f.Outcome == KpiOutcome.OnTime || f.Outcome == KpiOutcome.OpenInTime,
        (KpiCatalog.OnTime or KpiCatalog.NoLateNoComplaint, false) => f => f.Received && !f.Withdrawn,
        (KpiCatalog.NoLateNoComplaint, true) => f => f.Received && !f.Withdrawn && f.Outcome != KpiOutcome.Late && f.Outcome != KpiOutcome.OpenOverdue && !f.NegativeRating,
        (KpiCatalog.AverageTimeReported, _) => f => f.Finished,
        (KpiCatalog.OnlineDossiers, true) => f => f.OnlineFull,
        (KpiCatalog.OnlineDossiers or KpiCatalog.Digitised, false) => f => f.Received,
        (KpiCatalog.Digitised, true) => f => f.Digitised,
        (KpiCatalog.PaidOnline, true) => f => f.PaidOnline,
        (KpiCatalog.PaidOnline, false) => f => f.FeeBearing,
        (KpiCatalog.ElectronicResult, true) => f => f.ElectronicResult,
        (KpiCatalog.ElectronicResult, false) => f => f.Finished,
        _ => null,
    };

    private static Expression<Func<FeedbackKpiFact, bool>>? FeedbackFilter(string key, bool numerator) => (key, numerator) switch
    {
        (KpiCatalog.FeedbackOnTime, true) => f => f.OnTime || f.OpenInTime,
        (KpiCatalog.FeedbackOnTime or KpiCatalog.FeedbackReopened, false) => f => true,
        (KpiCatalog.FeedbackReopened, true) => f => f.Reopened,
        (KpiCatalog.FeedbackSatisfaction, true) => f => f.Satisfied,
        (KpiCatalog.FeedbackSatisfaction, false) => f => f.Rated,
        _ => null,
    };
}
