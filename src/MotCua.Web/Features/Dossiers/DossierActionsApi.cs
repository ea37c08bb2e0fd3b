using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Identity;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// The body of every staff action: the version the officer saw (optimistic concurrency) and the fields the
/// action needs; each endpoint names the ones it reads and refuses the call when one is missing.
/// </summary>
public sealed record StaffActionBody
{
    public int Version { get; init; }
    public string? Reason { get; init; }
    public string? Note { get; init; }
    public string? ToStep { get; init; }
    /// <summary>Unit code: the transfer's or consultation's target.</summary>
    public string? ToUnit { get; init; }
    public Guid? TaskId { get; init; }
    public Guid? StaffId { get; init; }
    public string? Question { get; init; }
    public string? Answer { get; init; }
    public int? WorkingDays { get; init; }
    public long? Amount { get; init; }
    public string? Reference { get; init; }
    /// <summary>National channel code: 1 counter, 2 online, 3 post.</summary>
    public int? Channel { get; init; }
    public DateTimeOffset? NewAppointment { get; init; }
    public IReadOnlyList<string>? Items { get; init; }
    public IReadOnlyList<ResultDocumentRef>? Documents { get; init; }
}

/// <summary>
/// Reception and processing over JSON, for the officer pages and for other systems. Every action loads the
/// dossier once, hides it (404) from staff who see none of its units, refuses (403, with the reason) staff who
/// see it but may not do this, and answers 409 when the dossier changed since the officer's version or the
/// workflow does not allow the action now.
/// </summary>
public static class DossierActionsApi
{
    public static WebApplication MapDossierActionsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/dossiers/{id:guid}").WithTags("Dossier actions").RequireAuthorization(StaffPolicies.Staff);

        api.MapGet("", async (Guid id, DossierService service, UnitScope scope, TimeProvider clock, CancellationToken ct) =>
            await VisibleAsync(id, service, scope, ct) is { } d ? Results.Ok(DossierJson.Staff(d, clock.GetUtcNow())) : Results.NotFound());

        Map(api, "accept", DossierDuty.Reception, null, (s, b, d, who, ct) => s.AcceptAsync(d.Id, b.Version, who, ct));
        Map(api, "refuse", DossierDuty.Reception, Need(b => b.Reason, "reason", "Ghi rõ lý do từ chối (mẫu 03).", "Give the reason for refusal (form 03)."),
            (s, b, d, who, ct) => s.RefuseAsync(d.Id, b.Version, b.Reason!, who, ct));
        MapStep(api, "supplement-request", d => d.Status == DossierStatus.New ? DossierDuty.Reception : DossierDuty.Step,
            b => string.IsNullOrWhiteSpace(b.Reason) ? Bad("reason", "Ghi rõ lý do yêu cầu bổ sung (mẫu 02).", "Give the reason (form 02).")
                : b.Items is not { Count: > 0 } || b.Items.Any(string.IsNullOrWhiteSpace) ? Bad("items", "Liệt kê các giấy tờ cần bổ sung.", "List the documents to supplement.") : null,
            (d, b, c, who, now) => d.RequestSupplement(c, b.Reason!, [.. b.Items!.Select(i => i.Trim())], who, now));
        MapStep(api, "claim", _ => DossierDuty.Claim, null, (d, b, _, who, now) => d.Claim(who, now, b.TaskId));
        api.MapPost("/assign", (Guid id, StaffActionBody body, HttpContext http, DossierService service, UnitScope scope, DossierStaff staff, CancellationToken ct) =>
            body.StaffId is not { } staffId
                ? Task.FromResult(Bad("staffId", "Chọn cán bộ được giao.", "Choose the staff member to assign."))
                : ActAsync(id, http, service, scope, _ => DossierDuty.Assign, body.TaskId, async (d, who) =>
                {
                    var task = (body.TaskId is { } t ? d.Tasks.FirstOrDefault(x => x.Id == t && x.IsOpen) : d.MainTask)
                        ?? throw new DossierRuleException(DossierErrors.NoSuchTask, "Không có việc đang mở này.");
                    var assignee = await staff.AssigneeAsync(staffId, task, ct)
                        ?? throw new DossierRuleException(DossierErrors.Invalid, "Cán bộ này không giữ vai trò của bước tại đơn vị đang xử lý.");
                    return await service.ApplyAsync(d, body.Version, (x, _, now) => x.Assign(assignee, who, now, body.TaskId), ct);
                }, ct));
        MapStep(api, "forward", _ => DossierDuty.Step, null, (d, b, c, who, now) => d.Forward(c, who, now, Trim(b.ToStep), Trim(b.Note)));
        MapStep(api, "send-back", _ => DossierDuty.Step, Need(b => b.Reason, "reason", "Ghi rõ lý do trả lại bước trước.", "Give the reason for sending back."),
            (d, b, c, who, now) => d.SendBack(c, b.Reason!, who, now, Trim(b.ToStep)));
        api.MapPost("/transfer", async (Guid id, StaffActionBody body, HttpContext http, DossierService service, UnitScope scope, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(body.Reason)) return Bad("reason", "Ghi rõ lý do chuyển đơn vị.", "Give the reason for the transfer.");
            // No unit named: the unit the workflow gives the target step (up or down the levels).
            Guid? chosen = null;
            if (!string.IsNullOrWhiteSpace(body.ToUnit))
            {
                if (await service.UnitByCodeAsync(body.ToUnit, ct) is not { } unit) return Bad("toUnit", "Không có đơn vị với mã này.", "No unit has this code.");
                chosen = unit.Id;
            }
            return await ActAsync(id, http, service, scope, _ => DossierDuty.Step, null,
                (d, who) => service.ApplyAsync(d, body.Version,
                    (x, c, now) => x.Transfer(c, chosen ?? (x.MainTask is { } m ? c.TransferTarget(m.StepKey) : Guid.Empty), body.Reason!, who, now), ct), ct);
        });
        api.MapPost("/consult", async (Guid id, StaffActionBody body, HttpContext http, DossierService service, UnitScope scope, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(body.Question)) return Bad("question", "Ghi rõ nội dung xin ý kiến.", "Give the question.");
            if (body.WorkingDays is not (>= 1 and <= 60)) return Bad("workingDays", "Thời hạn trả lời từ 1 đến 60 ngày làm việc.", "The answer is due in 1 to 60 working days.");
            if (await service.UnitByCodeAsync(body.ToUnit, ct) is not { } unit) return Bad("toUnit", "Không có đơn vị với mã này.", "No unit has this code.");
            return await ActAsync(id, http, service, scope, _ => DossierDuty.Step, null, async (d, who) =>
            {
                var due = await service.WorkingDaysFromNowAsync(d, body.WorkingDays.Value, ct);
                return await service.ApplyAsync(d, body.Version, (x, c, now) => x.Consult(c, unit.Id, body.Question!.Trim(), due, who, now), ct);
            }, ct);
        });
        api.MapPost("/consultations/{taskId:guid}/answer", (Guid id, Guid taskId, StaffActionBody body, HttpContext http, DossierService service, UnitScope scope, CancellationToken ct) =>
            string.IsNullOrWhiteSpace(body.Answer)
                ? Task.FromResult(Bad("answer", "Ghi nội dung trả lời.", "Give the answer."))
                : ActAsync(id, http, service, scope, _ => DossierDuty.Step, taskId,
                    (d, who) => service.ApplyAsync(d, body.Version, (x, _, now) => x.AnswerConsultation(taskId, body.Answer!.Trim(), who, now), ct), ct));
        MapStep(api, "payment-request", _ => DossierDuty.Step,
            b => b.Amount is not (> 0 and <= 10_000_000_000) ? Bad("amount", "Số tiền (đồng) phải lớn hơn 0.", "The amount in VND must be positive.")
                : string.IsNullOrWhiteSpace(b.Reason) ? Bad("reason", "Ghi nội dung khoản phí, lệ phí.", "Give what the payment is for.") : null,
            (d, b, c, who, now) => d.RequestPayment(c, b.Amount!.Value, b.Reason!, who, now));
        MapStep(api, "payment-received", _ => DossierDuty.Counter, Need(b => b.Reference, "reference", "Nhập số biên lai.", "Give the receipt number."),
            (d, b, _, who, now) => d.PaymentReceived(b.Reference!.Trim(), who, now));
        MapStep(api, "stop", _ => DossierDuty.Step, Need(b => b.Reason, "reason", "Ghi rõ lý do dừng xử lý.", "Give the reason for stopping."),
            (d, b, c, who, now) => d.Stop(c, b.Reason!, who, now));
        MapStep(api, "approve", _ => DossierDuty.Step, null, (d, b, c, who, now) => d.Approve(c, who, now, Trim(b.Note)));
        MapStep(api, "reject", _ => DossierDuty.Step, Need(b => b.Reason, "reason", "Ghi rõ lý do không giải quyết.", "Give the reason for the refusal."),
            (d, b, c, who, now) => d.Reject(c, b.Reason!, who, now));
        api.MapPost("/result", (Guid id, StaffActionBody body, HttpContext http, DossierService service, UnitScope scope, ResultDocuments.ResultNotice notice, CancellationToken ct) =>
            body.Documents?.Any(r => string.IsNullOrWhiteSpace(r.Name) || r.Name.Length > 200) == true
                ? Task.FromResult(Bad("documents", "Mỗi văn bản kết quả cần có tên.", "Each result document needs a name."))
                : ActAsync(id, http, service, scope, _ => DossierDuty.Step, null, async (d, who) =>
                {
                    // Documents attached by the officer, or the written notice of the outcome generated here.
                    IReadOnlyList<ResultDocumentRef> documents = body.Documents is { Count: > 0 } attached
                        ? attached
                        : [await notice.CreateAsync(d, who.Name, ct)];
                    return await service.ApplyAsync(d, body.Version, (x, c, now) => x.IssueResult(c, documents, who, now), ct);
                }, ct));
        MapStep(api, "return", _ => DossierDuty.Counter,
            b => b.Channel is not (1 or 2 or 3) ? Bad("channel", "Chọn hình thức trả: 1 tại quầy, 2 trực tuyến, 3 bưu chính.", "channel: 1 counter, 2 online, 3 post.") : null,
            (d, b, _, who, now) => d.ReturnResult(ChannelCode.FromCode(b.Channel!.Value), who, now));
        MapStep(api, "apology", _ => DossierDuty.Apology,
            b => string.IsNullOrWhiteSpace(b.Reason) ? Bad("reason", "Ghi rõ lý do chậm (mẫu 04).", "Give the reason for the delay (form 04).")
                : b.NewAppointment is null ? Bad("newAppointment", "Chọn ngày hẹn trả mới.", "Give the new appointment.") : null,
            (d, b, c, who, now) => d.IssueApology(b.Reason!, b.NewAppointment!.Value, who, now, c));
        return app;
    }

    private delegate void StepAction(Dossier dossier, StaffActionBody body, ProcessingContext context, Actor who, DateTimeOffset now);

    /// <summary>An action that is one domain call: check the body, then apply it to the dossier.</summary>
    private static void MapStep(RouteGroupBuilder api, string name, Func<Dossier, DossierDuty> duty, Func<StaffActionBody, IResult?>? check, StepAction action) =>
        api.MapPost("/" + name, (Guid id, StaffActionBody body, HttpContext http, DossierService service, UnitScope scope, CancellationToken ct) =>
            check?.Invoke(body) is { } bad
                ? Task.FromResult(bad)
                : ActAsync(id, http, service, scope, duty, body.TaskId,
                    (d, who) => service.ApplyAsync(d, body.Version, (x, c, now) => action(x, body, c, who, now), ct), ct));

    private static void Map(RouteGroupBuilder api, string name, DossierDuty duty, Func<StaffActionBody, IResult?>? check,
        Func<DossierService, StaffActionBody, Dossier, Actor, CancellationToken, Task<Dossier>> act) =>
        api.MapPost("/" + name, (Guid id, StaffActionBody body, HttpContext http, DossierService service, UnitScope scope, CancellationToken ct) =>
            check?.Invoke(body) is { } bad
                ? Task.FromResult(bad)
                : ActAsync(id, http, service, scope, _ => duty, null, (d, who) => act(service, body, d, who, ct), ct));

    private static Func<StaffActionBody, IResult?> Need(Func<StaffActionBody, string?> field, string name, string vi, string en) =>
        b => string.IsNullOrWhiteSpace(field(b)) || field(b)!.Length > 2000 ? Bad(name, vi, en) : null;

    private static async Task<Dossier?> VisibleAsync(Guid id, DossierService service, UnitScope scope, CancellationToken ct)
    {
        Dossier dossier;
        try { dossier = await service.LoadAsync(id, ct); }
        catch (DossierProblem) { return null; }
        return DossierPermissions.CanSee(dossier, await scope.VisibleTodayAsync(ct)) ? dossier : null;
    }

    private static async Task<IResult> ActAsync(Guid id, HttpContext http, DossierService service, UnitScope scope,
        Func<Dossier, DossierDuty> duty, Guid? taskId, Func<Dossier, Actor, Task<Dossier>> act, CancellationToken ct)
    {
        if (await VisibleAsync(id, service, scope, ct) is not { } dossier) return Results.NotFound();
        var staffId = UnitScope.StaffIdOf(http.User)?.ToString() ?? "";
        if (DossierPermissions.Refusal(dossier, duty(dossier), await scope.RolesAsync(ct), staffId, taskId) is { } refusal)
            return Results.Problem(title: refusal, statusCode: StatusCodes.Status403Forbidden);
        var officer = Actor.Staff(staffId, http.User.FindFirst(StaffClaims.FullName)?.Value ?? http.User.Identity?.Name ?? "");
        try
        {
            return Results.Ok(DossierJson.Summary(await act(dossier, officer)));
        }
        catch (DossierRuleException e) when (e.Code == DossierErrors.VersionConflict)
        {
            return Conflict(e.Message, e.Code);
        }
        catch (DbUpdateException e) when (DossierConflicts.IsConflict(e))
        {
            return Conflict("Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại trang để xem thay đổi mới nhất rồi thực hiện lại.", DossierErrors.VersionConflict);
        }
        catch (DossierRuleException e)
        {
            return Conflict(e.Message, e.Code);
        }
    }

    private static IResult Conflict(string message, string code) =>
        Results.Problem(title: message, statusCode: StatusCodes.Status409Conflict, extensions: new Dictionary<string, object?> { ["code"] = code });

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static IResult Bad(string parameter, string vi, string en) => DossierApi.Bad(parameter, vi, en);
}
