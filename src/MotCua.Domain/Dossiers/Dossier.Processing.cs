using MotCua.Domain.Catalog;

namespace MotCua.Domain.Dossiers;

// Processing along the workflow: forward, send back, transfer, payment, stop, and the decision.
//
// Mapping to the national codes: Approve and Reject are decisions inside status 4. A rejection after
// examination is not a stop: the applicant is owed a written refusal with reasons, so it is produced
// by IssueResult like any result (9 Processed, then 10 Returned) and Decision says it was a refusal.
// Stop (8) is for ending processing without a result (the law or the applicant's situation stops it).
public sealed partial class Dossier
{
    /// <summary>Hands the dossier to the next step the workflow lists for Forward (named when several).</summary>
    public void Forward(ProcessingContext context, Actor by, DateTimeOffset now, string? toStep = null, string? note = null)
    {
        var main = RequireStep(context, StepAction.Forward, leaving: true, out var transition, toStep);
        var target = context.Step(transition.To ?? throw NoTarget(StepAction.Forward));
        BeginChange();
        HandOver(context, main, target, context.ResolveUnit(target.Performer), DossierEventType.Forwarded, by, now, note);
    }

    /// <summary>Returns the dossier to an earlier step, with the reason; the step starts again with its full share.</summary>
    public void SendBack(ProcessingContext context, string reason, Actor by, DateTimeOffset now, string? toStep = null)
    {
        var main = RequireStep(context, StepAction.SendBack, leaving: true, out var transition, toStep);
        var why = RequireReason(reason);
        var target = context.Step(transition.To ?? throw NoTarget(StepAction.SendBack));
        BeginChange();
        HandOver(context, main, target, context.ResolveUnit(target.Performer), DossierEventType.SentBack, by, now, why);
    }

    /// <summary>
    /// Moves the dossier to another unit at any level, up or down (liên thông); the caller resolves the
    /// unit. The step stays (or becomes the transition's target) and keeps its due time when it stays:
    /// the step's share belongs to the step, not to whichever unit holds it.
    /// </summary>
    public void Transfer(ProcessingContext context, Guid toUnitId, string reason, Actor by, DateTimeOffset now)
    {
        var main = RequireStep(context, StepAction.Transfer, leaving: true, out var transition);
        var why = RequireReason(reason);
        if (toUnitId == main.UnitId)
        {
            throw new DossierRuleException(DossierErrors.SameUnit, "Hồ sơ đang ở chính đơn vị này.");
        }

        var target = context.Step(transition.To ?? main.StepKey);
        BeginChange();
        HandOver(context, main, target, toUnitId, DossierEventType.Transferred, by, now, why,
            keepDue: target.Key == main.StepKey ? main.StepDueAt : null,
            publicText: "Hồ sơ được chuyển sang đơn vị khác để xử lý.");
    }

    /// <summary>
    /// Asks the applicant to pay fees or taxes (status 6); the amount is in VND. The legal clock keeps
    /// running: only a supplement request stops it under the one-stop rules.
    /// </summary>
    public void RequestPayment(ProcessingContext context, long amount, string reason, Actor by, DateTimeOffset now)
    {
        var main = RequireStep(context, StepAction.RequestPayment, leaving: false, out _);
        if (amount <= 0)
        {
            throw new DossierRuleException(DossierErrors.AmountInvalid, "Số tiền phải lớn hơn 0.");
        }

        var why = RequireReason(reason);
        BeginChange();
        _payments.Add(new PaymentRequest(amount, why, now));
        Record(DossierEventType.PaymentRequested, by, now, DossierStatus.PaymentRequested, why, taskId: main.Id,
            publicText: $"Đề nghị thực hiện nghĩa vụ tài chính: {amount:N0} đồng. Nội dung: {why}",
            details: $"{amount} VND");
    }

    /// <summary>The payment arrived (from the gateway or the counter): processing resumes (status 4).</summary>
    public void PaymentReceived(string paymentReference, Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        RequireStatus("ghi nhận thanh toán", DossierStatus.PaymentRequested);
        ArgumentException.ThrowIfNullOrWhiteSpace(paymentReference);
        BeginChange();
        var payment = _payments[^1];
        payment.Settle(now, paymentReference);
        Record(DossierEventType.PaymentReceived, by, now, DossierStatus.Processing, taskId: MainTask?.Id,
            publicText: "Đã nhận thanh toán; hồ sơ tiếp tục được xử lý.", details: $"{payment.Amount} VND, {paymentReference}");
    }

    /// <summary>Stops processing without a result (status 8, the 2025 "notice to stop processing").</summary>
    public void Stop(ProcessingContext context, string reason, Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(by);
        // The applicant may never come back with the papers or the payment, so waiting does not prevent a stop.
        RequireStatus("dừng xử lý", DossierStatus.Processing, DossierStatus.SupplementRequested, DossierStatus.PaymentRequested);
        var main = RequireMainTask();
        context.Transition(main.StepKey, StepAction.Stop);
        var why = RequireReason(reason);
        BeginChange();
        StoppedAt = now;
        CloseOpenTasks(by, now);
        Record(DossierEventType.Stopped, by, now, DossierStatus.Stopped, why, taskId: main.Id,
            publicText: $"Hồ sơ bị dừng xử lý. Lý do: {why}");
    }

    /// <summary>The leader approves; the dossier moves on to the transition's step (e.g. issuing the result) if it names one.</summary>
    public void Approve(ProcessingContext context, Actor by, DateTimeOffset now, string? note = null) =>
        Decide(context, StepAction.Approve, Decision.Approved, note, by, now);

    /// <summary>The examination refuses the request: processing goes on to a written refusal as the result.</summary>
    public void Reject(ProcessingContext context, string reason, Actor by, DateTimeOffset now) =>
        Decide(context, StepAction.Reject, Decision.Rejected, RequireReason(reason), by, now);

    private void Decide(ProcessingContext context, StepAction action, Decision decision, string? reason, Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        var main = RequireStep(context, action, leaving: true, out var transition);
        var target = transition.To is null ? null : context.Step(transition.To);
        BeginChange();
        Decision = decision;
        DecisionReason = reason;
        Record(decision == Decision.Approved ? DossierEventType.Approved : DossierEventType.Rejected, by, now, Status, reason, taskId: main.Id);
        if (target is not null)
        {
            HandOver(context, main, target, context.ResolveUnit(target.Performer), DossierEventType.Forwarded, by, now, reason);
        }
    }

    /// <summary>
    /// Produces the result (status 9): the documents, and the end of processing that the KPI judges.
    /// With no decision recorded the result grants the request (a workflow with no approval step).
    /// </summary>
    public void IssueResult(ProcessingContext context, IReadOnlyList<ResultDocumentRef> documents, Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(by);
        var main = RequireStep(context, StepAction.IssueResult, leaving: true, out _);
        BeginChange();
        if (Decision == Decision.None)
        {
            Decision = Decision.Approved;
        }

        _results.AddRange(documents);
        ProcessingFinishedAt = now;
        main.Complete(by, now);
        var text = Decision == Decision.Rejected
            ? $"Hồ sơ đã xử lý xong: không giải quyết. Lý do: {DecisionReason}"
            : "Hồ sơ đã xử lý xong, kết quả sẵn sàng để trả.";
        Record(DossierEventType.ResultIssued, by, now, DossierStatus.Processed, taskId: main.Id, publicText: text,
            details: string.Join("\n", documents.Select(d => d.Name)));
    }

    private static DossierRuleException NoTarget(StepAction action) =>
        new(DossierErrors.UnknownStep, $"Quy trình không chỉ rõ bước đích cho thao tác {action}.");
}
