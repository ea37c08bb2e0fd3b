namespace MotCua.Web.Infrastructure.Outbox;

/// <summary>
/// Work to do after a change commits (a notification, a sync message, a postal order), written in the same
/// transaction as the change, so it exists exactly when the change does. Delivered at least once by
/// <see cref="OutboxDispatcher"/>; receivers make it count once by the message id.
/// Scheduling columns are Unix milliseconds: the claim query compares them in SQL on both databases.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }
    public required string Type { get; set; }
    public required string Payload { get; set; }
    /// <summary>Optional business key: a second message with the same key is not written (e.g. one per dossier event).</summary>
    public string? DedupeKey { get; set; }
    public long CreatedAtMs { get; set; }
    public long AvailableAtMs { get; set; }
    public int Attempts { get; set; }
    public string? LockedBy { get; set; }
    public long? LockedUntilMs { get; set; }
    public long? ProcessedAtMs { get; set; }
    /// <summary>Set when the message gave up after too many attempts; an administrator sees and can retry it.</summary>
    public long? DeadAtMs { get; set; }
    public string? LastError { get; set; }
}
