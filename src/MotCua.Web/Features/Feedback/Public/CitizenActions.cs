using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Domain.Catalog;
using MotCua.Domain.Feedback;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Feedback.Data;
using MotCua.Web.Features.Feedback.Reporting;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Feedback.Public;

/// <summary>
/// What a signed-in citizen does to a public report: follow or stop following it, and, as its reporter, rate the answer
/// or reopen it within the window. Each change is saved with its audit entry and its notices (one SaveChanges, one
/// transaction); a hidden report is not found. Refusals come back as <see cref="FeedbackProblem"/> with the field.
/// </summary>
public sealed class CitizenActions(
    MotCuaDbContext db, FeedbackCategories categories, UnitCalendars calendars, FeedbackNotifier notifier, IAuditLog audit,
    IOptions<ReportingOptions> options, TimeProvider clock)
{
    public TimeSpan ReopenWindow => TimeSpan.FromDays(Math.Max(0, options.Value.ReopenWindowDays));

    /// <summary>A public report, or the viewer's own while it awaits moderation (so its reporter can follow it to the end).</summary>
    public Task<FeedbackReport?> FindVisibleAsync(string number, string? viewer, CancellationToken ct) =>
        db.Set<FeedbackReport>().FirstOrDefaultAsync(r => r.Number == number
            && (!r.Hidden || (r.ModeratedAt == null && viewer != null && r.Reporter!.CitizenId == viewer)), ct);

    public Task<bool> FollowsAsync(Guid reportId, string citizenId, CancellationToken ct) =>
        db.Set<FeedbackFollower>().AnyAsync(f => f.ReportId == reportId && f.CitizenId == citizenId, ct);

    /// <summary>Follows with the contact VNeID gives now (a second follow refreshes it).</summary>
    public async Task FollowAsync(FeedbackReport report, ClaimsPrincipal citizen, CancellationToken ct)
    {
        var id = CitizenIdentity.IdNumberOf(citizen)!;
        var email = citizen.FindFirst(CitizenIdentity.EmailClaim)?.Value is { Length: > 0 } e ? e : null;
        var phone = citizen.FindFirst(CitizenIdentity.PhoneClaim)?.Value is { Length: > 0 } p ? p : null;
        var row = await db.Set<FeedbackFollower>().FirstOrDefaultAsync(f => f.ReportId == report.Id && f.CitizenId == id, ct);
        if (row is null)
        {
            db.Add(new FeedbackFollower { ReportId = report.Id, CitizenId = id, Email = email, Phone = phone, Since = clock.GetUtcNow() });
        }
        else
        {
            row.Email = email;
            row.Phone = phone;
        }
        audit.Stage(new AuditRecord("feedback.followed", new AuditObject("feedback", report.Id.ToString(), report.Number), [report.HandlingUnitId]));
        await SaveAsync(ct);
    }

    public async Task UnfollowAsync(FeedbackReport report, string citizenId, CancellationToken ct)
    {
        var row = await db.Set<FeedbackFollower>().FirstOrDefaultAsync(f => f.ReportId == report.Id && f.CitizenId == citizenId, ct);
        if (row is null) return;
        db.Remove(row);
        audit.Stage(new AuditRecord("feedback.unfollowed", new AuditObject("feedback", report.Id.ToString(), report.Number), [report.HandlingUnitId]));
        await SaveAsync(ct);
    }

    public async Task RateAsync(FeedbackReport report, string citizenId, int score, string? comment, CancellationToken ct)
    {
        if (comment is { Length: > 2000 }) throw new FeedbackProblem("comment", "Nhận xét tối đa 2000 ký tự.");
        var notified = report.Events.Count;
        Apply(() => report.Rate(citizenId, score, comment, clock.GetUtcNow()), "score");
        await notifier.QueueAsync(report, notified, ct);
        audit.Stage(new AuditRecord("feedback.rated", new AuditObject("feedback", report.Id.ToString(), report.Number), [report.HandlingUnitId], $"{score}/5"));
        await SaveAsync(ct);
    }

    /// <summary>Opens the report again with a new time limit from today, counted in the handling unit's working days.</summary>
    public async Task ReopenAsync(FeedbackReport report, string citizenId, string? reason, CancellationToken ct)
    {
        if (reason is { Length: > 2000 }) throw new FeedbackProblem("reason", "Lý do tối đa 2000 ký tự.");
        var now = clock.GetUtcNow();
        var days = (await categories.FindAsync(report.CategoryCode, ct))?.TimeLimitWorkingDays ?? 15;
        var due = (await calendars.ForUnitAsync(report.HandlingUnitId, ct)).DueDate(now, days, TimeUnit.WorkingDays).DueAt;
        var notified = report.Events.Count;
        Apply(() => report.Reopen(citizenId, reason ?? "", ReopenWindow, now, due), "reason");
        await notifier.QueueAsync(report, notified, ct);
        audit.Stage(new AuditRecord("feedback.reopened", new AuditObject("feedback", report.Id.ToString(), report.Number), [report.HandlingUnitId], reason));
        await SaveAsync(ct);
    }

    private static void Apply(Action change, string field)
    {
        try
        {
            change();
        }
        catch (FeedbackRuleException e)
        {
            throw new FeedbackProblem(e.Code == FeedbackErrors.ReasonRequired || e.Code == FeedbackErrors.BadRating ? field : "action", e.Message);
        }
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new FeedbackProblem("action", "Phản ánh vừa được cập nhật; hãy xem lại rồi thử lại.");
        }
        catch (DbUpdateException e) when (Dossiers.DossierConflicts.IsConflict(e))
        {
            // Two follows at once: the other one saved the same row.
            db.ChangeTracker.Clear();
        }
    }
}
