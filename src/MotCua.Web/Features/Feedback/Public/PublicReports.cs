using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Feedback;
using MotCua.Web.Features.Feedback.Reporting;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Feedback.Public;

/// <summary>
/// A report as the public sees it: the moderated description, the public steps and the official answers with their
/// photos. Never the reporter (name, phone, e-mail, ID), the staff's internal reasons or the names of the actors.
/// </summary>
public sealed record PublicReport(
    string Number, string CategoryName, FeedbackStatus Status, string UnitName, DateTimeOffset ReceivedAt, DateTimeOffset DueAt,
    DateTimeOffset? ClosedAt, GeoPoint? Location, string? Address, string Description, IReadOnlyList<Guid> PhotoIds,
    IReadOnlyList<PublicStep> Steps, IReadOnlyList<PublicAnswer> Answers, int? Score)
{
    public string Excerpt(int length = 240) => Description.Length > length ? Description[..length] + "…" : Description;
}

public sealed record PublicStep(DateTimeOffset At, FeedbackStatus Status, string Text);

public sealed record PublicAnswer(string Text, IReadOnlyList<Guid> PhotoIds, string UnitName, DateTimeOffset At);

/// <summary>The filters of the public list: all optional; the page is 1-based.</summary>
public sealed record PublicFilter(string? Category, string? Status, Guid? Unit, int Page)
{
    public const int PageSize = 20;
    /// <summary>Deeper pages are for the filters (or Open311's list) to reach: an offset this far still reads quickly.</summary>
    public const int MaxPage = 500;

    /// <summary>"open", "closed" or one status by its name.</summary>
    public IReadOnlyList<FeedbackStatus>? Statuses => Status switch
    {
        "open" => [FeedbackStatus.New, FeedbackStatus.Acknowledged, FeedbackStatus.InProgress],
        "closed" => [FeedbackStatus.Resolved, FeedbackStatus.Rejected, FeedbackStatus.Duplicate],
        _ when Enum.TryParse<FeedbackStatus>(Status, ignoreCase: false, out var one) && Enum.IsDefined(one) => [one],
        _ => null,
    };
}

public sealed class PublicReports(MotCuaDbContext db, FeedbackCategories categories)
{
    /// <summary>
    /// Newest first, one page, never hidden ones, and whether another page follows. No total: counting a million rows
    /// on every visit costs more than the list (the pager needs only "is there more", read as one row beyond the page).
    /// </summary>
    public async Task<(IReadOnlyList<PublicReport> Reports, bool More)> ListAsync(PublicFilter filter, CancellationToken ct)
    {
        var query = db.Set<FeedbackReport>().AsNoTracking().Where(r => !r.Hidden);
        if (!string.IsNullOrEmpty(filter.Category)) query = query.Where(r => r.CategoryCode == filter.Category);
        if (filter.Statuses is { } statuses) query = query.Where(r => statuses.Contains(r.Status));
        if (filter.Unit is { } unit) query = query.Where(r => r.HandlingUnitId == unit);
        var page = Math.Clamp(filter.Page, 1, PublicFilter.MaxPage);
        var rows = await query.OrderByDescending(r => r.ReceivedAt).ThenBy(r => r.Id)
            .Skip((page - 1) * PublicFilter.PageSize).Take(PublicFilter.PageSize + 1).AsSplitQuery().ToListAsync(ct);
        return (await ToPublicAsync([.. rows.Take(PublicFilter.PageSize)], ct), rows.Count > PublicFilter.PageSize);
    }

    /// <summary>A public report, or the viewer's own while it awaits moderation.</summary>
    public async Task<PublicReport?> FindAsync(string number, string? viewer, CancellationToken ct)
    {
        var report = await db.Set<FeedbackReport>().AsNoTracking().FirstOrDefaultAsync(r => r.Number == number
            && (!r.Hidden || (r.ModeratedAt == null && viewer != null && r.Reporter!.CitizenId == viewer)), ct);
        return report is null ? null : (await ToPublicAsync([report], ct))[0];
    }

    public async Task<IReadOnlyList<PublicReport>> ToPublicAsync(IReadOnlyList<FeedbackReport> reports, CancellationToken ct)
    {
        var names = (await categories.ActiveAsync(ct)).ToDictionary(c => c.Code, c => c.Name);
        var units = await UnitNames.ForAsync(db, reports.Select(r => r.HandlingUnitId), ct);
        // Callers choose whom to show; only a report hidden by a moderator is never shown (one awaiting moderation is shown
        // to its own reporter).
        return [.. reports.Where(r => !r.Hidden || r.AwaitsModeration).Select(r =>
        {
            var unit = units.GetValueOrDefault(r.HandlingUnitId, "");
            return new PublicReport(r.Number, names.GetValueOrDefault(r.CategoryCode, r.CategoryCode), r.Status, unit, r.ReceivedAt, r.DueAt,
                r.ClosedAt, r.Location, r.Address, r.PublicDescription, r.PhotoIds,
                [.. r.Events.Where(e => e.PublicText is not null).OrderBy(e => e.Sequence).Select(e => new PublicStep(e.At, e.ToStatus, e.PublicText!))],
                [.. r.Responses.OrderBy(a => a.At).Select(a => new PublicAnswer(a.Text, a.PhotoIds, unit, a.At))],
                r.Rating?.Score);
        })];
    }
}
