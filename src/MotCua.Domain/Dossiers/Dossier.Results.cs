using MotCua.Domain.Catalog;

namespace MotCua.Domain.Dossiers;

// The end: returning the result, the apology slip (form 04) and the rating.
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
    /// Records news of a postal shipment on the history (the file was picked up, the result could not be delivered)
    /// without changing the status; the public text, when given, is what the applicant is told.
    /// </summary>
    public void RecordPostalUpdate(string details, string? publicText, Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentException.ThrowIfNullOrWhiteSpace(details);
        BeginChange();
        Record(DossierEventType.PostalUpdate, by, now, Status, publicText: publicText, details: details);
    }

    /// <summary>
    /// The apology and new appointment (form 04): before the appointment passes, or once the dossier
    /// or its current step is already late, or (given the workflow) the step prediction says it will be.
    /// Moves <see cref="AppointmentAt"/> only; <see cref="DueAt"/> stays for the KPI.
    /// </summary>
    public void IssueApology(string reason, DateTimeOffset newAppointment, Actor by, DateTimeOffset now, ProcessingContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(by);
        RequireStatus("gửi phiếu xin lỗi", DossierStatus.Processing, DossierStatus.SupplementRequested, DossierStatus.PaymentRequested, DossierStatus.Processed);
        var why = RequireReason(reason);
        var old = AppointmentAt ?? throw DossierErrors.Status(Status, "gửi phiếu xin lỗi");
        if (now > old && !WillBeLate(now) && !(context is not null && WillBeLate(context, now)))
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
}
