using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Feedback;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Feedback.Photos;
using MotCua.Web.Features.Identity;
using MotCua.Web.Infrastructure.Persistence;
using MotCua.Web.Infrastructure.Storage;

namespace MotCua.Web.Features.Feedback.Handling;

/// <summary>
/// The staff side of feedback over JSON (the office pages use the same <see cref="FeedbackHandling"/>): the inbox, one
/// report, and the actions. A report outside the caller's units is a 404; bad input a problem-details naming the field
/// (400); a stale version or a status that does not allow the action 409; a role that may not act 403. Answering
/// (resolve) is multipart/form-data: version, answer and 1–5 photos.
/// </summary>
public static class FeedbackHandlingApi
{
    public const string Prefix = "/api/v1/feedback";

    public static WebApplication MapFeedbackHandling(this WebApplication app)
    {
        var api = app.MapGroup(Prefix).WithTags("Feedback handling").RequireAuthorization(StaffPolicies.Staff);

        api.MapGet("", async (string? view, string? status, string? category, int? page, FeedbackInbox inbox, CancellationToken ct) =>
        {
            FeedbackStatus? parsed = null;
            if (!string.IsNullOrWhiteSpace(status))
            {
                if (!Enum.TryParse<FeedbackStatus>(status, ignoreCase: true, out var s) || !Enum.IsDefined(s))
                    return Bad("status", "Trạng thái không hợp lệ (new, acknowledged, inProgress, resolved, rejected, duplicate).");
                parsed = s;
            }
            if (view is not null && !FeedbackInbox.Views.Contains(view)) return Bad("view", "Chọn một trong: " + string.Join(", ", FeedbackInbox.Views) + ".");
            var result = await inbox.ListAsync(new FeedbackInboxQuery(view, parsed, category, page ?? 1), ct);
            return Results.Ok(new
            {
                result.View, result.Page, pageSize = FeedbackInbox.PageSize, result.Total, result.Counts,
                items = result.Items.Select(r => new
                {
                    r.Id, r.Number, category = r.CategoryCode, r.Address, r.HandlingUnitId, status = Name(r.Status), r.ReceivedAt, r.DueAt, r.Escalated, r.Hidden,
                }),
            });
        });

        api.MapGet("/{id:guid}", async (Guid id, FeedbackHandling handling, IAuditLog audit, CancellationToken ct) =>
        {
            if (await handling.VisibleAsync(id, ct) is not { } r) return Results.NotFound();
            await audit.WriteAsync(new AuditRecord("feedback.view", new AuditObject("feedback", r.Id.ToString(), r.Number), [r.HandlingUnitId]), ct);
            return Results.Ok(Json(r));
        });

        foreach (var action in FeedbackActions.All.Where(a => a != FeedbackActions.Resolve))
        {
            api.MapPost("/{id:guid}/" + action, async (Guid id, HandlingBody body, HttpContext http, FeedbackHandling handling, CancellationToken ct) =>
                ToResult(await handling.RunAsync(action, id, body, [], http.User, ct)));
        }

        // Multipart: the body is read only once the caller is known to see the report (others get their 404 first).
        api.MapPost("/{id:guid}/" + FeedbackActions.Resolve, async (Guid id, HttpContext http, FeedbackHandling handling, CancellationToken ct) =>
        {
            if (await handling.VisibleAsync(id, ct) is null) return Results.NotFound();
            if (!http.Request.HasFormContentType) return Bad("answer", "Gửi câu trả lời và ảnh dạng multipart/form-data (version, answer, photos).");
            var form = await http.Request.ReadFormAsync(ct);
            if (!int.TryParse(form["version"], out var version)) return Bad("version", "Cần phiên bản (version) của phản ánh bạn đã xem.");
            var body = new HandlingBody { Version = version, Answer = form["answer"] };
            return ToResult(await handling.RunAsync(FeedbackActions.Resolve, id, body, [.. form.Files], http.User, ct));
        }).DisableAntiforgery();

        // A report's photos for its staff, hidden or not (the public route serves visible reports only).
        app.MapGet("/staff/feedback/{id:guid}/photos/{photoId:guid}", async (Guid id, Guid photoId, FeedbackHandling handling, MotCuaDbContext db, IFileStore store, CancellationToken ct) =>
        {
            if (await handling.VisibleAsync(id, ct) is null) return Results.NotFound();
            var photo = await db.Set<FeedbackPhoto>().AsNoTracking().Where(p => p.Id == photoId && p.ReportId == id)
                .Select(p => new { p.FileId, p.ContentType, p.Sha256 }).FirstOrDefaultAsync(ct);
            return photo is null ? Results.NotFound() : await FeedbackPhotoApi.ServeAsync(store, photo.FileId, photo.ContentType, photo.Sha256, ct);
        }).RequireAuthorization(StaffPolicies.Staff);
        return app;
    }

    public static string StaffPhotoPath(Guid reportId, Guid photoId) => $"/staff/feedback/{reportId}/photos/{photoId}";

    private static IResult Bad(string field, string message) => Results.Problem(ApiProblems.Parameter(field, message, message));

    /// <summary>Enum values as the JSON names them (camelCase).</summary>
    private static string Name<T>(T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static IResult ToResult(HandlingOutcome outcome) => outcome.Status switch
    {
        HandlingStatus.Done => Results.Ok(Json(outcome.Report!)),
        HandlingStatus.Invalid => Bad(outcome.Field!, outcome.Message!),
        HandlingStatus.Forbidden => Results.Problem(title: outcome.Message, statusCode: StatusCodes.Status403Forbidden),
        HandlingStatus.Conflict => Results.Problem(title: outcome.Message, statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["code"] = outcome.Code }),
        _ => Results.NotFound(),
    };

    /// <summary>The report as staff see it: the original text, the moderated one, every event with both units of a hop.</summary>
    private static object Json(FeedbackReport r) => new
    {
        r.Id, r.Number, category = r.CategoryCode, status = Name(r.Status), r.Version, r.Description, r.PublishedDescription, r.Hidden,
        r.Address, latitude = r.Location?.Latitude, longitude = r.Location?.Longitude, r.HandlingUnitId, r.LocatedUnitId,
        r.ReceivedAt, r.DueAt, r.OriginalDueAt, r.ClosedAt, r.Escalated, r.ReopenCount, r.DuplicateOfId, r.Answers,
        photos = r.PhotoIds.Select(p => StaffPhotoPath(r.Id, p)),
        responses = r.Responses.Select(a => new { a.Text, a.ByName, a.At, photos = a.PhotoIds.Select(p => StaffPhotoPath(r.Id, p)) }),
        events = r.Events.Select(e => new
        {
            e.Sequence, type = Name(e.Type), e.At, actor = e.ActorName, from = e.FromStatus is { } f ? Name(f) : null, to = Name(e.ToStatus),
            e.FromUnitId, e.ToUnitId, e.Reason, e.PublicText,
        }),
    };
}
