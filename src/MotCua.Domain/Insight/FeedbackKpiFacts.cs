using MotCua.Domain.Calendar;
using MotCua.Domain.Feedback;

namespace MotCua.Domain.Insight;

/// <summary>
/// One feedback report as the KPIs see it. On time: closed at or before its first due date (a reopened report's new
/// due date does not excuse the first), or still open and not yet past it; satisfied: rated 4 or 5.
/// </summary>
public sealed record FeedbackKpiFact
{
    public Guid ReportId { get; init; }
    public Guid UnitId { get; init; }
    public int Month { get; init; }
    public bool Closed { get; init; }
    public bool OnTime { get; init; }
    public bool OpenInTime { get; init; }
    public DateTimeOffset? OpenDueAt { get; init; }
    /// <summary>The current due instant of an open report (moved by a reopening or an extension): the overdue and due-soon lists sort by it.</summary>
    public DateTimeOffset? DueAt { get; init; }
    public bool Rated { get; init; }
    public bool Satisfied { get; init; }
    public bool Reopened { get; init; }

    public const int SatisfiedFrom = 4;

    public static FeedbackKpiFact Of(FeedbackReport report, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        var closed = report.Status is FeedbackStatus.Resolved or FeedbackStatus.Rejected or FeedbackStatus.Duplicate;
        var openInTime = !closed && now <= report.OriginalDueAt;
        var day = DateOnly.FromDateTime(report.ReceivedAt.ToOffset(WorkingCalendar.VietnamOffset).DateTime);
        return new FeedbackKpiFact
        {
            ReportId = report.Id,
            UnitId = report.HandlingUnitId,
            Month = KpiPeriod.MonthKey(day),
            Closed = closed,
            OnTime = closed && report.ClosedAt is { } at && at <= report.OriginalDueAt,
            OpenInTime = openInTime,
            OpenDueAt = openInTime ? report.OriginalDueAt : null,
            DueAt = closed ? null : report.DueAt,
            Rated = report.Rating is not null,
            Satisfied = report.Rating is { Score: >= SatisfiedFrom },
            Reopened = report.ReopenCount > 0,
        };
    }
}
