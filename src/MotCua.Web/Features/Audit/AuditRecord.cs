namespace MotCua.Web.Features.Audit;

/// <summary>What an entry is about: its kind (<c>dossier</c>, <c>staff</c>, <c>unit</c>, <c>procedure</c>, …), id and readable label.</summary>
public sealed record AuditObject(string Type, string? Id, string? Label = null);

/// <summary>
/// What a caller says about one action or read; the audit log adds who, when and from where from the request.
/// <paramref name="Reason"/>: the reason given with the action, or for a read its purpose.
/// </summary>
public sealed record AuditRecord(string Action, AuditObject Object, IReadOnlyCollection<Guid> Units, string? Reason = null)
{
    public bool Refused { get; init; }
    /// <summary>Why it was refused (an error code, a status).</summary>
    public string? Detail { get; init; }
}

/// <summary>
/// Records actions and reads. <see cref="Stage"/> adds the entry to the caller's unit of work, so it commits or rolls
/// back with the change it describes at no extra round trip; <see cref="WriteAsync"/> writes it on its own (reads,
/// refusals), in a unit of work of its own so nothing else the request holds is saved with it.
/// </summary>
public interface IAuditLog
{
    /// <summary>The entry, saved by the caller's next SaveChanges on the request's context.</summary>
    AuditEntry Stage(AuditRecord record);

    /// <summary>Takes a staged entry back (the change it described was not made).</summary>
    void Discard(AuditEntry staged);

    Task WriteAsync(AuditRecord record, CancellationToken ct);
}
