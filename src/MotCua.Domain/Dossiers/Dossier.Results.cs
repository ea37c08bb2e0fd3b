using MotCua.Domain.Catalog;

namespace MotCua.Domain.Dossiers;

// The end: returning the result, the apology slip (form 04), the rating, and lateness.
public sealed partial class Dossier
{
    /// <summary>Hands the result to the applicant (status 10) at the counter, online or by post.</summary>
    public void ReturnResult(Channel channel, Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        RequireStatus("trả kết quả", DossierStatus.Processed);
        BeginChange();
        ReturnedAt = now;
        ReturnChannel = channel;
        Record(DossierEventType.ResultReturned, by, now, DossierStatus.ResultReturned,
            publicText: "Đã trả kết quả cho công dân.", details: $"Kênh {ChannelCode.Of(channel)}");
    }

    /// <summary>
    /// The apology and new appointment (form 04): before the appointment passes, or once the dossier
    /// or its current step is already late. Moves <see cref="AppointmentAt"/> only; <see cref="DueAt"/>
    /// stays for the KPI.
    /// </summary>
    public void IssueApology(string reason, DateTimeOffset newAppointment, Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        RequireStatus("gửi phiếu xin lỗi", DossierStatus.Processing, DossierStatus.SupplementRequested, DossierStatus.PaymentRequested, DossierStatus.Processed);
        var why = RequireReason(reason);
        var old = AppointmentAt ?? throw DossierErrors.Status(Status, "gửi phiếu xin lỗi");
        if (now > old && !WillBeLate(now))
        {
            throw new DossierRuleException(DossierErrors.ApologyNotAllowed, "Đã quá ngày hẹn trả kết quả.");
        }

        if (newAppointment <= old || newAppointment <= now)
        {
            throw new DossierRuleException(DossierErrors.ApologyNotAllowed, "Ngày hẹn mới phải sau ngày hẹn hiện tại.");
        }

        BeginChange();
        _apologies.Add(new ApologySlip(why, old, newAppointment, now, by.Name));
        AppointmentAt = newAppointment;
        Record(DossierEventType.ApologyIssued, by, now, Status, why, taskId: MainTask?.Id,
            publicText: $"Xin lỗi vì hồ sơ bị chậm. Lý do: {why}. Hẹn trả kết quả lại lúc {Day(newAppointment)}.");
    }

    /// <summary>The applicant rates the service, once, after the result was returned (<see cref="RatingRule"/>).</summary>
    public void Rate(int score, string? comment, Actor applicant, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        if (RatingRule.Problem(Status, Rating, score) is { } problem)
        {
            throw new DossierRuleException(DossierErrors.RatingNotAllowed, problem);
        }

        BeginChange();
        Rating = new Rating(score, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), now);
        Record(DossierEventType.Rated, applicant, now, Status, details: $"{score}/5");
    }

    /// <summary>Past the due date (moved by supplement pauses, not by apologies) and not finished; the clock stands still while waiting for papers.</summary>
    public bool IsOverdue(DateTimeOffset now) => DueAtAdjusted is { } due && Status.IsInProcessing() && ClockAt(now) > due;

    /// <summary>The current step is past its own share of the time, so a late step shows before the dossier is late.</summary>
    public bool StepOverdue(DateTimeOffset now) =>
        Status.IsInProcessing() && MainTask is { StepDueAt: { } due } && ClockAt(now) > due;

    /// <summary>
    /// The dossier is heading for lateness: it or its current step is already past due. The handler is
    /// prompted for the apology slip.
    /// </summary>
    public bool WillBeLate(DateTimeOffset now) => IsOverdue(now) || StepOverdue(now);

    /// <summary>Early, on time or late once processing ended; null while open or when there is nothing to judge.</summary>
    public OutcomeClass? OutcomeClass => OnTimeRule.Judge(this);

    // While waiting for the applicant's papers the legal clock stopped when they were asked for.
    private DateTimeOffset ClockAt(DateTimeOffset now) =>
        Status == DossierStatus.SupplementRequested && _supplements.Count > 0 && _supplements[^1].DuringProcessing
            ? _supplements[^1].RequestedAt
            : now;
}
