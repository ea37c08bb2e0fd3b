using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Feedback;
using MotCua.Domain.Insight;
using MotCua.Web.Infrastructure;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Insight;

/// <summary>One dossier or report on an overdue list: no personal data, its due instant and its staff page.</summary>
public sealed record KpiOverdueRow(string Kind, Guid Id, string Code, string Subject, Guid UnitId, string Status, DateTimeOffset? DueAt, string Link)
{
    public string? DueAtIso => DueAt is { } at ? VietnamTime.Iso(at) : null;
}

/// <summary>
/// The dossiers and feedback reports of a scope that are overdue now, or due within <see cref="SoonDays"/> days, most
/// urgent first, read from the fact rows on the (outcome, due, unit) and (closed, due, unit) indexes: a dossier is
/// overdue as the KPI refresh last judged it (past its due instant with supplement time added, or a second supplement
/// request), a report once past its current due instant. Whatever the period, these are today's lists.
/// </summary>
public sealed class KpiOverdue(MotCuaDbContext db, TimeProvider clock)
{
    public const int SoonDays = 3;
    public const int PageSize = 100;

    public static bool IsList(string? list) => list is "dossiers" or "feedback";

    public static bool IsWhen(string? when) => when is "overdue" or "soon";

    public async Task<(IReadOnlyList<KpiOverdueRow> Rows, long Total)> ListAsync(
        string list, bool soon, IReadOnlyCollection<Guid>? units, int page, int size, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now.AddDays(SoonDays);
        var skip = (page - 1) * size;
        if (list == "dossiers")
        {
            var facts = soon
                ? db.Set<DossierKpiFact>().AsNoTracking().Where(f => f.Outcome == KpiOutcome.OpenInTime && f.DueAt != null && f.DueAt < until)
                : db.Set<DossierKpiFact>().AsNoTracking().Where(f => f.Outcome == KpiOutcome.OpenOverdue);
            if (units is not null) facts = facts.Where(f => units.Contains(f.UnitId));
            var total = await facts.LongCountAsync(ct);
            var rows = await (from f in facts
                              join d in db.Dossiers on f.DossierId equals d.Id
                              orderby f.DueAt, f.DossierId
                              select new { f.DossierId, d.Code, d.Reference, f.ProcedureCode, f.UnitId, d.Status, f.DueAt })
                .Skip(skip).Take(size).ToListAsync(ct);
            return ([.. rows.Select(r => new KpiOverdueRow("dossier", r.DossierId, r.Code ?? r.Reference, r.ProcedureCode, r.UnitId,
                ((int)r.Status).ToString(System.Globalization.CultureInfo.InvariantCulture), r.DueAt, $"/staff/dossiers/{r.DossierId}"))], total);
        }
        var reports = db.Set<FeedbackKpiFact>().AsNoTracking().Where(f => !f.Closed && f.DueAt != null);
        reports = soon ? reports.Where(f => f.DueAt >= now && f.DueAt < until) : reports.Where(f => f.DueAt < now);
        if (units is not null) reports = reports.Where(f => units.Contains(f.UnitId));
        var count = await reports.LongCountAsync(ct);
        var items = await (from f in reports
                           join r in db.Set<FeedbackReport>() on f.ReportId equals r.Id
                           orderby f.DueAt, f.ReportId
                           select new { f.ReportId, r.Number, r.CategoryCode, f.UnitId, r.Status, f.DueAt })
            .Skip(skip).Take(size).ToListAsync(ct);
        return ([.. items.Select(r => new KpiOverdueRow("feedback", r.ReportId, r.Number, r.CategoryCode, r.UnitId, r.Status.ToString(), r.DueAt,
            $"/staff/feedback/{r.ReportId}"))], count);
    }
}
