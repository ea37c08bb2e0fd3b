using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Feedback;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Feedback.Photos;
using MotCua.Web.Features.Identity;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Feedback.Handling;

/// <summary>
/// What an officer sends with an action: the version they saw (optimistic concurrency) and the fields the action reads.
/// <see cref="ToUnit"/> is a unit code; <see cref="Original"/> the number of the report this one duplicates.
/// </summary>
public sealed record HandlingBody
{
    public int Version { get; init; }
    public string? Reason { get; init; }
    public string? ToUnit { get; init; }
    public string? Original { get; init; }
    public string? Answer { get; init; }
    public string? PublishedText { get; init; }
    public bool Hidden { get; init; }
}

public enum HandlingStatus { Done, Invalid, NotFound, Forbidden, Conflict }

/// <summary>How an action ended; <see cref="Field"/> names the input at fault (as the JSON body names it).</summary>
public sealed record HandlingOutcome(HandlingStatus Status, FeedbackReport? Report = null, string? Field = null, string? Message = null, string? Code = null)
{
    public const string VersionConflict = "feedback.version-conflict";
    public bool IsVersionConflict => Code == VersionConflict;
}

/// <summary>
/// Every staff action on a report, for the pages and the JSON API alike: load the report once, 404 outside the
/// person's units, check the input, 409 when the version is stale, 403 when they may not, then one domain call saved
/// in one transaction with its audit entry, its notices (<see cref="FeedbackNotifier"/>) and any answer photos. Two
/// officers at once: the second save fails on the version (or on the event numbers) and gets the conflict message.
/// </summary>
public sealed class FeedbackHandling(
    MotCuaDbContext db, UnitScope scope, FeedbackNotifier notifier, FeedbackPhotos photos, IAuditLog audit, TimeProvider clock)
{
    public const string ConflictMessage = "Phản ánh vừa được người khác cập nhật. Vui lòng tải lại trang để xem thay đổi mới nhất rồi thực hiện lại.";
    public const int MaxReason = 2000;

    /// <summary>The report if this staff member sees its handling unit; null (a 404 for them) otherwise.</summary>
    public async Task<FeedbackReport?> VisibleAsync(Guid id, CancellationToken ct)
    {
        var report = await db.Set<FeedbackReport>().FirstOrDefaultAsync(r => r.Id == id, ct);
        return report is not null && FeedbackPermissions.CanSee(report, await scope.VisibleTodayAsync(ct)) ? report : null;
    }

    public async Task<HandlingOutcome> RunAsync(string action, Guid id, HandlingBody body, IReadOnlyList<IFormFile> files, ClaimsPrincipal user, CancellationToken ct)
    {
        var outcome = await RunUnrecordedAsync(action, id, body, files, user, ct);
        if (outcome.Status is not (HandlingStatus.Done or HandlingStatus.NotFound))
        {
            db.ChangeTracker.Clear();
            await audit.WriteAsync(Record(action, id, outcome.Report, body) with { Refused = true, Detail = outcome.Code ?? outcome.Status.ToString() }, ct);
        }
        return outcome;
    }

    private async Task<HandlingOutcome> RunUnrecordedAsync(string action, Guid id, HandlingBody body, IReadOnlyList<IFormFile> files, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!FeedbackActions.Exists(action)) return new(HandlingStatus.NotFound);
        // Whose report first: staff of other units hear "no such report" whatever they send.
        if (await VisibleAsync(id, ct) is not { } report) return new(HandlingStatus.NotFound);
        if (Check(action, body) is { } bad) return bad with { Report = report };
        var tree = await scope.TodayTreeAsync(ct);
        var target = action == FeedbackActions.Reroute ? tree.FindByCode(body.ToUnit!.Trim()) : null;
        if (action == FeedbackActions.Reroute && target is null) return Invalid(report, "toUnit", "Không có đơn vị nào với mã này.");
        FeedbackReport? original = null;
        if (action == FeedbackActions.Duplicate)
        {
            var number = body.Original!.Trim();
            original = await db.Set<FeedbackReport>().AsNoTracking().FirstOrDefaultAsync(r => r.Number == number, ct);
            if (original is null) return Invalid(report, "original", "Không có phản ánh nào với số này.");
            if (original.Status == FeedbackStatus.Duplicate)
                return Invalid(report, "original", $"Phản ánh {original.Number} cũng là phản ánh trùng; hãy ghi số của phản ánh gốc.");
        }
        // A stale version is a conflict whoever sends it: what they acted on is gone.
        if (body.Version != report.Version) return new(HandlingStatus.Conflict, report, Message: ConflictMessage, Code: HandlingOutcome.VersionConflict);
        var roles = await scope.RolesAsync(ct);
        if (FeedbackPermissions.Refusal(action, report, roles, tree) is { } refusal) return new(HandlingStatus.Forbidden, report, Message: refusal);
        if (target is not null && FeedbackPermissions.TargetRefusal(report, target.Id, roles, tree) is { } outside)
            return new(HandlingStatus.Forbidden, report, Message: outside);

        var batch = PhotoBatch.None;
        if (action == FeedbackActions.Resolve)
        {
            try { batch = await photos.StoreAsync(files, ct); }
            catch (FeedbackProblem e) { return Invalid(report, e.Field, e.Message); }
            if (batch.Photos.Count == 0) return Invalid(report, "photos", "Cần ít nhất một ảnh kết quả xử lý.");
        }

        var actorId = UnitScope.StaffIdOf(user)?.ToString() ?? "";
        var actorName = user.FindFirst(StaffClaims.FullName)?.Value ?? user.Identity?.Name ?? "Cán bộ";
        var now = clock.GetUtcNow();
        var before = report.Events.Count;
        var fromUnit = report.HandlingUnitId;
        try
        {
            switch (action)
            {
                case FeedbackActions.Acknowledge: report.Acknowledge(actorId, actorName, now); break;
                case FeedbackActions.Start: report.Start(actorId, actorName, now); break;
                case FeedbackActions.Reroute: report.Reroute(target!.Id, body.Reason!, actorId, actorName, now); break;
                case FeedbackActions.Duplicate: report.MarkDuplicateOf(original!, actorId, actorName, now); break;
                case FeedbackActions.Reject: report.Reject(body.Reason!, actorId, actorName, now); break;
                case FeedbackActions.Resolve: report.Resolve(body.Answer!, batch.Ids, actorId, actorName, now); break;
                default: report.Moderate(body.PublishedText, body.Hidden, actorId, actorName, now); break;
            }
        }
        catch (FeedbackRuleException e)
        {
            return e.Code switch
            {
                FeedbackErrors.WrongStatus => new(HandlingStatus.Conflict, report, Message: e.Message, Code: e.Code),
                _ => Invalid(report, FieldOf(e.Code), e.Message) with { Code = e.Code },
            };
        }

        photos.Attach(batch, report.Id);
        await notifier.QueueAsync(report, notifiedUpTo: before, ct);
        audit.Stage(Record(action, id, report, body) with { Units = [fromUnit, report.HandlingUnitId] });
        try
        {
            // One SaveChanges is one transaction: the report with its version check, its events, the answer's photos,
            // the notices in the outbox and the audit entry commit together or not at all.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(ct => db.SaveChangesAsync(ct), ct);
        }
        catch (DbUpdateException e) when (DossierConflicts.IsConflict(e))
        {
            return new(HandlingStatus.Conflict, report, Message: ConflictMessage, Code: HandlingOutcome.VersionConflict);
        }
        return new(HandlingStatus.Done, report);
    }

    /// <summary>The input each action needs, checked before anything is read or written.</summary>
    private static HandlingOutcome? Check(string action, HandlingBody body)
    {
        static HandlingOutcome Bad(string field, string message) => new(HandlingStatus.Invalid, Field: field, Message: message);
        if (action is FeedbackActions.Reroute or FeedbackActions.Reject)
        {
            if (string.IsNullOrWhiteSpace(body.Reason)) return Bad("reason", "Cần ghi rõ lý do.");
            if (body.Reason.Length > MaxReason) return Bad("reason", $"Lý do tối đa {MaxReason} ký tự.");
        }
        if (action == FeedbackActions.Reroute && (string.IsNullOrWhiteSpace(body.ToUnit) || body.ToUnit.Length > 32))
            return Bad("toUnit", "Chọn đơn vị nhận phản ánh.");
        if (action == FeedbackActions.Duplicate && (string.IsNullOrWhiteSpace(body.Original) || body.Original.Length > 32))
            return Bad("original", "Nhập số của phản ánh gốc (ví dụ PA-260302-00001).");
        if (action == FeedbackActions.Resolve)
        {
            if (string.IsNullOrWhiteSpace(body.Answer) || body.Answer.Trim().Length < 20)
                return Bad("answer", "Câu trả lời cần nói rõ đã làm gì (ít nhất 20 ký tự).");
            if (body.Answer.Length > CategoryAnswers.MaxTextLength) return Bad("answer", $"Câu trả lời tối đa {CategoryAnswers.MaxTextLength} ký tự.");
        }
        if (action == FeedbackActions.Moderate && body.PublishedText is { Length: > CategoryAnswers.MaxTextLength })
            return Bad("publishedText", $"Nội dung công khai tối đa {CategoryAnswers.MaxTextLength} ký tự.");
        return null;
    }

    private static HandlingOutcome Invalid(FeedbackReport report, string field, string message) =>
        new(HandlingStatus.Invalid, report, Field: field, Message: message);

    private static string FieldOf(string code) => code switch
    {
        FeedbackErrors.ReasonRequired => "reason",
        FeedbackErrors.AnswerRequired => "answer",
        FeedbackErrors.PhotoRequired => "photos",
        FeedbackErrors.SameUnit => "toUnit",
        _ => "original",
    };

    private static AuditRecord Record(string action, Guid id, FeedbackReport? report, HandlingBody body) =>
        new("feedback." + action, new AuditObject("feedback", id.ToString(), report?.Number),
            report is null ? [] : [report.HandlingUnitId], body.Reason ?? (action == FeedbackActions.Duplicate ? body.Original : null));
}
