using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Feedback;
using MotCua.Web.Features.Identity;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Feedback.Handling;

/// <summary>What the unit's feedback inbox is asked for: a view, filters and a page.</summary>
public sealed record FeedbackInboxQuery(string? View, FeedbackStatus? Status, string? Category, int Page);

public sealed record FeedbackInboxRow(
    Guid Id, string Number, string CategoryCode, string Description, string? Address, Guid HandlingUnitId, FeedbackStatus Status,
    DateTimeOffset ReceivedAt, DateTimeOffset DueAt, bool Escalated, bool Hidden, bool Reminded = false, bool AwaitsModeration = false);

public sealed record FeedbackInboxCounts(int New, int Mine, int Unit, int DueSoon, int Overdue, int Escalated, int Closed);

public sealed record FeedbackInboxResult(IReadOnlyList<FeedbackInboxRow> Items, int Total, int Page, FeedbackInboxCounts Counts, string View);

/// <summary>
/// The reports of the units a staff member sees (their own; a supervisor's also every unit below), by view: new, mine
/// (open reports they acted on), unit (all open), due soon (within <see cref="DueSoonWindow"/>), overdue, escalated, and
/// closed. Oldest due first for open views, newest closed first.
/// </summary>
public sealed class FeedbackInbox(MotCuaDbContext db, UnitScope scope, TimeProvider clock)
{
    public const int PageSize = 25;
    public static readonly TimeSpan DueSoonWindow = TimeSpan.FromDays(2);
    public static readonly IReadOnlyList<string> Views = ["new", "mine", "unit", "dueSoon", "overdue", "escalated", "closed"];

    private static readonly FeedbackStatus[] Open = [FeedbackStatus.New, FeedbackStatus.Acknowledged, FeedbackStatus.InProgress];
    private static readonly FeedbackStatus[] Closed = [FeedbackStatus.Resolved, FeedbackStatus.Rejected, FeedbackStatus.Duplicate];

    public async Task<FeedbackInboxResult> ListAsync(FeedbackInboxQuery query, CancellationToken ct)
    {
        var view = Views.Contains(query.View ?? "") ? query.View! : "unit";
        var units = (await scope.VisibleTodayAsync(ct)).ToList();
        var me = (await scope.StaffIdAsync(ct))?.ToString() ?? "-";
        var now = clock.GetUtcNow();
        var soon = now + DueSoonWindow;
        var mine = db.Set<FeedbackReport>().AsNoTracking().Where(r => units.Contains(r.HandlingUnitId));
        var filtered = mine;
        if (query.Status is { } status) filtered = filtered.Where(r => r.Status == status);
        if (!string.IsNullOrWhiteSpace(query.Category)) filtered = filtered.Where(r => r.CategoryCode == query.Category);

        IQueryable<FeedbackReport> In(IQueryable<FeedbackReport> source, string v) => v switch
        {
            "new" => source.Where(r => r.Status == FeedbackStatus.New),
            "mine" => source.Where(r => Open.Contains(r.Status) && r.Events.Any(e => e.ActorId == me)),
            // Due within the window, or already reminded for this due date (the reminder's own working-day measure).
            "dueSoon" => source.Where(r => Open.Contains(r.Status) && r.DueAt > now && (r.DueAt <= soon || r.RemindedFor == r.DueAt)),
            "overdue" => source.Where(r => Open.Contains(r.Status) && r.DueAt <= now),
            "escalated" => source.Where(r => Open.Contains(r.Status) && r.Escalated),
            "closed" => source.Where(r => Closed.Contains(r.Status)),
            _ => source.Where(r => Open.Contains(r.Status)),
        };

        var selected = In(filtered, view);
        var total = await selected.CountAsync(ct);
        var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var ordered = view == "closed" ? selected.OrderByDescending(r => r.ClosedAt).ThenBy(r => r.Number) : selected.OrderBy(r => r.DueAt).ThenBy(r => r.Number);
        var items = await ordered.Skip((page - 1) * PageSize).Take(PageSize)
            .Select(r => new FeedbackInboxRow(r.Id, r.Number, r.CategoryCode, r.Description, r.Address, r.HandlingUnitId, r.Status, r.ReceivedAt, r.DueAt, r.Escalated, r.Hidden, r.RemindedFor == r.DueAt, r.Hidden && r.ModeratedAt == null))
            .ToListAsync(ct);
        // The tabs' counts with the same filters, so a filter shows where its reports are.
        var counts = new FeedbackInboxCounts(
            await In(filtered, "new").CountAsync(ct), await In(filtered, "mine").CountAsync(ct), await In(filtered, "unit").CountAsync(ct),
            await In(filtered, "dueSoon").CountAsync(ct), await In(filtered, "overdue").CountAsync(ct), await In(filtered, "escalated").CountAsync(ct),
            await In(filtered, "closed").CountAsync(ct));
        return new FeedbackInboxResult(items, total, page, counts, view);
    }

    public static int CountOf(FeedbackInboxCounts c, string view) => view switch
    {
        "new" => c.New, "mine" => c.Mine, "dueSoon" => c.DueSoon, "overdue" => c.Overdue, "escalated" => c.Escalated, "closed" => c.Closed, _ => c.Unit,
    };
}
