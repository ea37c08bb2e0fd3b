namespace MotCua.Domain.Feedback;

public enum FeedbackEventType
{
    Received,
    Acknowledged,
    Started,
    Rerouted,
    Resolved,
    Rejected,
    MarkedDuplicate,
    Rated,
    Reopened,
    Moderated,
    Escalated,
    Reminded,
}

/// <summary>One step in a report's life: who, when, what changed and why. Routing hops carry both units.</summary>
public sealed class FeedbackEvent
{
    public int Sequence { get; init; }
    public FeedbackEventType Type { get; init; }
    public DateTimeOffset At { get; init; }
    /// <summary>Staff account id, the reporter's protected id, or "system"/"anonymous".</summary>
    public required string ActorId { get; init; }
    public required string ActorName { get; init; }
    public FeedbackStatus? FromStatus { get; init; }
    public FeedbackStatus ToStatus { get; init; }
    public Guid? FromUnitId { get; init; }
    public Guid? ToUnitId { get; init; }
    /// <summary>What the public sees of this step (null: staff only).</summary>
    public string? PublicText { get; init; }
    public string? Reason { get; init; }
}
