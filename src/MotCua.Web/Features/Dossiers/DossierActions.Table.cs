using MotCua.Domain.Dossiers;

namespace MotCua.Web.Features.Dossiers;

// The actions by name (the API's path segment and the office page's form name): the duty each needs, the input
// it must have, and the one domain call it makes.
public sealed partial class DossierActions
{
    public const int MaxText = 2000;

    private static readonly Dictionary<string, Spec> Table = new(StringComparer.Ordinal)
    {
        ["accept"] = new(_ => DossierDuty.Reception, null, r => r.Service.AcceptAsync(r.Dossier.Id, r.Body.Version, r.Who, r.Ct)),
        ["refuse"] = new(_ => DossierDuty.Reception, Need(b => b.Reason, "reason", "Ghi rõ lý do từ chối (mẫu 03).", "Give the reason for refusal (form 03)."),
            r => r.Service.RefuseAsync(r.Dossier.Id, r.Body.Version, r.Body.Reason!.Trim(), r.Who, r.Ct)),
        ["supplement-request"] = new(d => d.Status == DossierStatus.New ? DossierDuty.Reception : DossierDuty.Step,
            b => Missing(b.Reason) ? Bad("reason", "Ghi rõ lý do yêu cầu bổ sung (mẫu 02).", "Give the reason (form 02).")
                : b.Items is not { Count: > 0 } || b.Items.Any(string.IsNullOrWhiteSpace) ? Bad("items", "Liệt kê các giấy tờ cần bổ sung.", "List the documents to supplement.") : null,
            r => r.Apply((d, c, now) => d.RequestSupplement(c, r.Body.Reason!.Trim(), [.. r.Body.Items!.Select(i => i.Trim())], r.Who, now))),
        ["claim"] = new(_ => DossierDuty.Claim, null, r => r.Apply((d, _, now) => d.Claim(r.Who, now, r.Body.TaskId))),
        ["assign"] = new(_ => DossierDuty.Assign, b => b.StaffId is null ? Bad("staffId", "Chọn cán bộ được giao.", "Choose the staff member to assign.") : null, AssignAsync),
        ["forward"] = new(_ => DossierDuty.Step, null, r => r.Apply((d, c, now) => d.Forward(c, r.Who, now, Trim(r.Body.ToStep), Trim(r.Body.Note)))),
        ["send-back"] = new(_ => DossierDuty.Step, Need(b => b.Reason, "reason", "Ghi rõ lý do trả lại bước trước.", "Give the reason for sending back."),
            r => r.Apply((d, c, now) => d.SendBack(c, r.Body.Reason!.Trim(), r.Who, now, Trim(r.Body.ToStep)))),
        ["transfer"] = new(_ => DossierDuty.Step, Need(b => b.Reason, "reason", "Ghi rõ lý do chuyển đơn vị.", "Give the reason for the transfer."), async r =>
        {
            // No unit named: the unit the workflow gives the target step (up or down the levels).
            Guid? chosen = string.IsNullOrWhiteSpace(r.Body.ToUnit) ? null : await UnitAsync(r);
            return await r.Apply((d, c, now) => d.Transfer(c, chosen ?? (d.MainTask is { } m ? c.TransferTarget(m.StepKey) : Guid.Empty), r.Body.Reason!.Trim(), r.Who, now));
        }, UnitCode.Optional),
        ["consult"] = new(_ => DossierDuty.Step,
            b => Missing(b.Question) ? Bad("question", "Ghi rõ nội dung xin ý kiến.", "Give the question.")
                : b.WorkingDays is not (>= 1 and <= 60) ? Bad("workingDays", "Thời hạn trả lời từ 1 đến 60 ngày làm việc.", "The answer is due in 1 to 60 working days.") : null,
            async r =>
            {
                var unit = await UnitAsync(r);
                var due = await r.Service.WorkingDaysFromNowAsync(r.Dossier, r.Body.WorkingDays!.Value, r.Ct);
                return await r.Apply((d, c, now) => d.Consult(c, unit, r.Body.Question!.Trim(), due, r.Who, now));
            }, UnitCode.Required),
        ["consultation-answer"] = new(_ => DossierDuty.Step,
            b => b.TaskId is null ? Bad("taskId", "Chọn yêu cầu xin ý kiến cần trả lời.", "Choose the consultation to answer.")
                : Missing(b.Answer) ? Bad("answer", "Ghi nội dung trả lời.", "Give the answer.") : null,
            r => r.Apply((d, _, now) => d.AnswerConsultation(r.Body.TaskId!.Value, r.Body.Answer!.Trim(), r.Who, now))),
        ["payment-request"] = new(_ => DossierDuty.Step,
            b => b.Amount is not (> 0 and <= 10_000_000_000) ? Bad("amount", "Số tiền (đồng) phải lớn hơn 0.", "The amount in VND must be positive.")
                : Missing(b.Reason) ? Bad("reason", "Ghi nội dung khoản phí, lệ phí.", "Give what the payment is for.") : null,
            r => r.Apply((d, c, now) => d.RequestPayment(c, r.Body.Amount!.Value, r.Body.Reason!.Trim(), r.Who, now))),
        ["payment-received"] = new(_ => DossierDuty.Counter, Need(b => b.Reference, "reference", "Nhập số biên lai.", "Give the receipt number."),
            r => r.Apply((d, _, now) => d.PaymentReceived(r.Body.Reference!.Trim(), r.Who, now))),
        ["stop"] = new(_ => DossierDuty.Step, Need(b => b.Reason, "reason", "Ghi rõ lý do dừng xử lý.", "Give the reason for stopping."),
            r => r.Apply((d, c, now) => d.Stop(c, r.Body.Reason!.Trim(), r.Who, now))),
        ["approve"] = new(_ => DossierDuty.Step, null, r => r.Apply((d, c, now) => d.Approve(c, r.Who, now, Trim(r.Body.Note)))),
        ["reject"] = new(_ => DossierDuty.Step, Need(b => b.Reason, "reason", "Ghi rõ lý do không giải quyết.", "Give the reason for the refusal."),
            r => r.Apply((d, c, now) => d.Reject(c, r.Body.Reason!.Trim(), r.Who, now))),
        ["result"] = new(_ => DossierDuty.Step,
            b => b.Documents?.Any(x => string.IsNullOrWhiteSpace(x.Name) || x.Name.Length > 200) == true ? Bad("documents", "Mỗi văn bản kết quả cần có tên.", "Each result document needs a name.") : null,
            async r =>
            {
                // Documents attached by the officer, or the written notice of the outcome generated here: signed by the
                // deciding leader and registered, the registry rows saved with the action or taken back (docs/documents.md).
                var issued = await r.Notice.IssueAsync(r.Dossier, r.Body.Documents, r.Who, r.Ct);
                try { return await r.Apply((d, c, now) => d.IssueResult(c, issued.Documents, r.Who, now)); }
                catch { r.Notice.Discard(issued); throw; }
            }),
        ["return"] = new(_ => DossierDuty.Counter,
            b => b.Channel is not (1 or 2 or 3) ? Bad("channel", "Chọn hình thức trả: 1 tại quầy, 2 trực tuyến, 3 bưu chính.", "channel: 1 counter, 2 online, 3 post.") : null,
            r => r.Apply((d, _, now) => d.ReturnResult(ChannelCode.FromCode(r.Body.Channel!.Value), r.Who, now))),
        ["apology"] = new(_ => DossierDuty.Apology,
            b => Missing(b.Reason) ? Bad("reason", "Ghi rõ lý do chậm (mẫu 04).", "Give the reason for the delay (form 04).")
                : b.NewAppointment is null ? Bad("newAppointment", "Chọn ngày hẹn trả mới.", "Give the new appointment.") : null,
            r => r.Apply((d, c, now) => d.IssueApology(r.Body.Reason!.Trim(), r.Body.NewAppointment!.Value, r.Who, now, c))),
    };

    /// <summary>Only staff who hold the task's role in the task's unit today can be given it.</summary>
    private static async Task<Dossier> AssignAsync(ActionRun r)
    {
        var task = (r.Body.TaskId is { } t ? r.Dossier.Tasks.FirstOrDefault(x => x.Id == t && x.IsOpen) : r.Dossier.MainTask)
            ?? throw new DossierRuleException(DossierErrors.NoSuchTask, "Không có việc đang mở này.");
        var assignee = await r.Staff.AssigneeAsync(r.Body.StaffId!.Value, task, r.Ct)
            ?? throw new ActionInputException(Bad("staffId", "Cán bộ này không giữ vai trò của bước tại đơn vị đang xử lý.", "This person does not hold the step's role in the unit handling it."));
        return await r.Apply((d, _, now) => d.Assign(assignee, r.Who, now, r.Body.TaskId));
    }

    /// <summary>The transfer's or consultation's target unit, by code in today's tree.</summary>
    private static async Task<Guid> UnitAsync(ActionRun r) =>
        (await r.Service.UnitByCodeAsync(r.Body.ToUnit, r.Ct))?.Id ?? throw new ActionInputException(NoSuchUnit);

    private static readonly ActionInputProblem NoSuchUnit = Bad("toUnit", "Không có đơn vị với mã này.", "No unit has this code.");

    private static Func<StaffActionBody, ActionInputProblem?> Need(Func<StaffActionBody, string?> field, string name, string vi, string en) =>
        b => Missing(field(b)) ? Bad(name, vi, en) : null;

    private static bool Missing(string? text) => string.IsNullOrWhiteSpace(text) || text.Length > MaxText;

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static ActionInputProblem Bad(string field, string vi, string en) => new(field, vi, en);
}
