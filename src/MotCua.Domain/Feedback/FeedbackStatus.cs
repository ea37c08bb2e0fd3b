namespace MotCua.Domain.Feedback;

/// <summary>Where a citizen's report stands. Open311 sees only open/closed, with these as its status notes.</summary>
public enum FeedbackStatus
{
    /// <summary>Received, routed to a unit, not yet looked at.</summary>
    New,
    /// <summary>The handling unit has seen it and accepts it as theirs.</summary>
    Acknowledged,
    InProgress,
    /// <summary>Answered with what was done and at least one photo of the result.</summary>
    Resolved,
    /// <summary>Not something to act on (with the reason, published).</summary>
    Rejected,
    /// <summary>The same problem as an earlier report, which it now points to.</summary>
    Duplicate,
}

public static class FeedbackStatusNames
{
    public static bool IsClosed(this FeedbackStatus status) =>
        status is FeedbackStatus.Resolved or FeedbackStatus.Rejected or FeedbackStatus.Duplicate;

    public static string VietnameseName(this FeedbackStatus status) => status switch
    {
        FeedbackStatus.New => "Mới tiếp nhận",
        FeedbackStatus.Acknowledged => "Đã tiếp nhận xử lý",
        FeedbackStatus.InProgress => "Đang xử lý",
        FeedbackStatus.Resolved => "Đã giải quyết",
        FeedbackStatus.Rejected => "Từ chối",
        FeedbackStatus.Duplicate => "Trùng phản ánh khác",
        _ => status.ToString(),
    };

    /// <summary>Open311's two states.</summary>
    public static string Open311(this FeedbackStatus status) => status.IsClosed() ? "closed" : "open";
}
