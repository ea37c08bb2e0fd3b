using MotCua.Domain.Calendar;
using MotCua.Domain.Catalog;

namespace MotCua.Domain.Dossiers;

// Reception: acceptance with the code and the due date, refusal (form 03), supplement rounds (form 02)
// and the applicant's withdrawal.
public sealed partial class Dossier
{
    /// <summary>
    /// The counter accepts an online dossier (status 2) with its legal code and the due date the receiving
    /// unit's calendar computed; processing starts at once (status 4) at the first step after reception.
    /// </summary>
    public void Accept(DossierCode code, DeadlineResult deadline, ProcessingContext context, Actor officer, DateTimeOffset now)
    {
        RequireStatus("tiếp nhận hồ sơ", DossierStatus.New);
        AcceptCore(code, deadline, context, officer, now, DossierEventType.Accepted);
    }

    private void AcceptCore(DossierCode code, DeadlineResult deadline, ProcessingContext context, Actor officer, DateTimeOffset now, DossierEventType type)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(officer);
        // The code carries the day of receipt; a code minted for another day would misdate the dossier.
        if (DossierCode.Create(code.AgencyCode, deadline.ReceivedAt, code.Sequence).Day != code.Day)
        {
            throw new DossierRuleException(DossierErrors.CodeDayMismatch, "Mã hồ sơ không khớp với ngày tiếp nhận.");
        }

        var first = context.FirstProcessingStep();
        BeginChange();
        Code = code.ToString();
        ReceivedAt = deadline.ReceivedAt;
        CountsFrom = deadline.CountsFrom;
        DueAt = deadline.DueAt;
        DueAtAdjusted = deadline.DueAt;
        AppointmentAt = deadline.DueAt;
        LegalWorkingMinutes = context.Time.WorkingMinutesBetween(deadline.CountsFrom, deadline.DueAt);
        Record(type, officer, now, DossierStatus.Accepted,
            publicText: $"Hồ sơ đã được tiếp nhận, mã hồ sơ {Code}, hẹn trả kết quả lúc {Day(deadline.DueAt)}.",
            details: $"Kênh {ChannelCode.Of(Channel)}");
        var task = OpenMainTask(context, first, context.ResolveUnit(first.Performer), now, null);
        Record(DossierEventType.ProcessingStarted, officer, now, DossierStatus.Processing, taskId: task.Id,
            publicText: "Hồ sơ đang được xử lý.",
            handover: new Handover
            {
                FromUnitId = ReceivingUnitId,
                FromPerson = officer.Name,
                ToStepKey = task.StepKey,
                ToUnitId = task.UnitId,
                ToStepDueAt = task.StepDueAt,
                ToTaskId = task.Id,
            });
    }

    /// <summary>Refusal at reception (status 3, form 03): the dossier is not accepted, with the reason.</summary>
    public void Refuse(string reason, Actor officer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(officer);
        RequireStatus("từ chối tiếp nhận", DossierStatus.New);
        var why = RequireReason(reason);
        BeginChange();
        RefusedAt = now;
        Record(DossierEventType.Refused, officer, now, DossierStatus.Refused, why,
            publicText: $"Hồ sơ không được tiếp nhận. Lý do: {why}");
    }

    /// <summary>
    /// Asks the applicant for missing papers (status 5, form 02) at reception or, when the current step
    /// allows it, during processing. The legal clock stops until the answer.
    /// </summary>
    public void RequestSupplement(ProcessingContext context, string reason, IReadOnlyList<string> items, Actor officer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(officer);
        RequireStatus("yêu cầu bổ sung hồ sơ", DossierStatus.New, DossierStatus.Processing);
        var why = RequireReason(reason);
        if (Status == DossierStatus.Processing)
        {
            context.Transition(RequireMainTask().StepKey, StepAction.RequestSupplement);
        }

        BeginChange();
        var round = new SupplementRound(_supplements.Count + 1, now, officer.Name, why, items, Status);
        _supplements.Add(round);
        Record(DossierEventType.SupplementRequested, officer, now, DossierStatus.SupplementRequested, why,
            publicText: $"Đề nghị bổ sung hồ sơ: {string.Join("; ", items)}. Lý do: {why}",
            taskId: MainTask?.Id, details: string.Join("\n", items));
    }

    /// <summary>
    /// The applicant supplies the papers: the dossier goes back where it was (1 at reception, 4 in
    /// processing) and every running due date moves by exactly the working time spent waiting. The
    /// original <see cref="DueAt"/> stays for the KPI.
    /// </summary>
    public void AnswerSupplement(IWorkingTime time, Actor applicant, DateTimeOffset now, IReadOnlyList<Attachment>? added = null, string? answers = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(applicant);
        RequireStatus("bổ sung hồ sơ", DossierStatus.SupplementRequested);
        var round = _supplements[^1];
        var paused = round.DuringProcessing ? Math.Max(0, time.WorkingMinutesBetween(round.RequestedAt, now)) : 0m;

        BeginChange();
        round.Answer(now, applicant.Name, paused);
        if (paused > 0)
        {
            DateTimeOffset Shift(DateTimeOffset due) => time.AddWorkingMinutes(due, paused);
            DueAtAdjusted = DueAtAdjusted is { } d ? Shift(d) : null;
            AppointmentAt = AppointmentAt is { } a ? Shift(a) : null;
            foreach (var task in _tasks.Where(t => t.IsOpen))
            {
                task.ShiftDue(Shift);
            }
        }

        _attachments.AddRange(added ?? []);
        Answers = answers ?? Answers;
        var appointment = AppointmentAt is { } at && round.DuringProcessing ? $" Hẹn trả kết quả lúc {Day(at)}." : "";
        Record(DossierEventType.SupplementAnswered, applicant, now, round.ResumeTo,
            publicText: "Hồ sơ đã được bổ sung." + appointment, taskId: MainTask?.Id,
            details: $"Thời gian tạm dừng: {paused} phút làm việc");
    }

    /// <summary>The applicant withdraws the dossier (status 7); only before the result (<see cref="WithdrawalRule"/>).</summary>
    public void Withdraw(string reason, Actor applicant, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        if (!WithdrawalRule.Allows(Status))
        {
            throw new DossierRuleException(DossierErrors.WithdrawalNotAllowed,
                $"Không thể rút hồ sơ khi hồ sơ ở trạng thái \"{Status.VietnameseName()}\": chỉ được rút trước khi có kết quả.");
        }

        var why = RequireReason(reason);
        BeginChange();
        WithdrawnAt = now;
        CloseOpenTasks(applicant, now);
        Record(DossierEventType.Withdrawn, applicant, now, DossierStatus.Withdrawn, why,
            publicText: $"Công dân đã rút hồ sơ. Lý do: {why}");
    }
}
