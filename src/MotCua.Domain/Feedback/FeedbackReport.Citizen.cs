namespace MotCua.Domain.Feedback;

// What the reporter does after the answer, what moderators and the deadline watcher do, and the shared checks.
public sealed partial class FeedbackReport
{
    /// <summary>The reporter rates the answer of a resolved or rejected report (1 to 5).</summary>
    public void Rate(string reporterId, int score, string? comment, DateTimeOffset now)
    {
        RequireReporter(reporterId);
        RequireStatus("đánh giá", FeedbackStatus.Resolved, FeedbackStatus.Rejected);
        if (score is < 1 or > 5) throw new FeedbackRuleException(FeedbackErrors.BadRating, "Chọn mức đánh giá từ 1 đến 5.");
        Rating = new FeedbackRating(score, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), now);
        Record(FeedbackEventType.Rated, reporterId, Reporter!.Name ?? "Người phản ánh", now, Status, reason: $"{score}/5");
    }

    /// <summary>
    /// The reporter says the problem is still there, within <paramref name="window"/> of the answer: the report opens
    /// again at the same unit with a new time limit; the first due date stays for the KPIs.
    /// </summary>
    public void Reopen(string reporterId, string reason, TimeSpan window, DateTimeOffset now, DateTimeOffset newDueAt)
    {
        RequireReporter(reporterId);
        RequireStatus("mở lại", FeedbackStatus.Resolved, FeedbackStatus.Rejected);
        var why = RequireReason(reason);
        if (ClosedAt is { } closed && now > closed + window)
            throw new FeedbackRuleException(FeedbackErrors.ReopenWindowPassed, $"Chỉ mở lại được trong {window.TotalDays:0} ngày sau khi có kết quả.");
        ReopenCount++;
        ClosedAt = null;
        Rating = null;
        DueAt = newDueAt;
        Escalated = false;
        Record(FeedbackEventType.Reopened, reporterId, Reporter!.Name ?? "Người phản ánh", now, FeedbackStatus.InProgress, reason: why,
            publicText: "Người phản ánh cho biết vấn đề chưa được giải quyết; phản ánh được mở lại.");
    }

    /// <summary>
    /// Before publication: the text the public sees (personal data or abuse taken out), and whether the report shows on
    /// the public map at all. The original stays for staff.
    /// </summary>
    public void Moderate(string? publishedDescription, bool hidden, string actorId, string actorName, DateTimeOffset now)
    {
        PublishedDescription = string.IsNullOrWhiteSpace(publishedDescription) ? null : publishedDescription.Trim();
        Hidden = hidden;
        ModeratedAt = now;
        Record(FeedbackEventType.Moderated, actorId, actorName, now, Status, reason: hidden ? "hidden" : "published");
    }

    /// <summary>Past its due date and still open: marked once, so the supervisor is told once per round.</summary>
    public bool EscalateIfOverdue(DateTimeOffset now)
    {
        if (Escalated || Status.IsClosed() || now <= DueAt) return false;
        Escalated = true;
        Record(FeedbackEventType.Escalated, "system", "Hệ thống", now, Status, reason: "overdue");
        return true;
    }

    /// <summary>
    /// Open and not yet past its due date: the handling unit is reminded once for this due date (a reopening or a new
    /// due date gets its own reminder). Whether the date is near enough is the caller's, who knows the unit's calendar.
    /// </summary>
    public bool RemindBeforeDue(DateTimeOffset now)
    {
        if (Status.IsClosed() || now >= DueAt || RemindedFor == DueAt) return false;
        RemindedFor = DueAt;
        Record(FeedbackEventType.Reminded, "system", "Hệ thống", now, Status, reason: "due soon");
        return true;
    }

    /// <summary>What the public sees as the description.</summary>
    public string PublicDescription => PublishedDescription ?? Description;

    /// <summary>Answered within the time limit of its first round (the feedback KPI): closed by the original due date.</summary>
    public bool? AnsweredOnTime => Status.IsClosed() && ReopenCount == 0 ? ClosedAt <= OriginalDueAt : Status.IsClosed() ? false : null;

    private void RequireReporter(string reporterId)
    {
        if (Reporter?.CitizenId is null || !string.Equals(Reporter.CitizenId, reporterId, StringComparison.Ordinal))
            throw new FeedbackRuleException(FeedbackErrors.NotReporter, "Chỉ người gửi phản ánh mới làm được việc này.");
    }

    private void RequireOpen(string action)
    {
        if (Status.IsClosed())
            throw new FeedbackRuleException(FeedbackErrors.WrongStatus, $"Không thể {action}: phản ánh đã đóng ({Status.VietnameseName()}).");
    }

    private void RequireStatus(string action, params FeedbackStatus[] allowed)
    {
        if (!allowed.Contains(Status))
            throw new FeedbackRuleException(FeedbackErrors.WrongStatus, $"Không thể {action} khi phản ánh ở trạng thái \"{Status.VietnameseName()}\".");
    }

    private static string RequireReason(string reason) =>
        string.IsNullOrWhiteSpace(reason) ? throw new FeedbackRuleException(FeedbackErrors.ReasonRequired, "Cần ghi rõ lý do.") : reason.Trim();

    private void Record(FeedbackEventType type, string actorId, string actorName, DateTimeOffset at, FeedbackStatus to,
        string? reason = null, string? publicText = null, Guid? fromUnit = null, Guid? toUnit = null)
    {
        _events.Add(new FeedbackEvent
        {
            Sequence = _events.Count + 1, Type = type, At = at, ActorId = actorId, ActorName = actorName,
            FromStatus = _events.Count == 0 ? null : Status, ToStatus = to, Reason = reason, PublicText = publicText,
            FromUnitId = fromUnit, ToUnitId = toUnit,
        });
        Status = to;
        UpdatedAt = at;
        Version++;
    }
}
