namespace MotCua.Domain.Dossiers;

public enum DossierEventType
{
    Submitted,
    Received,
    Accepted,
    ProcessingStarted,
    Refused,
    SupplementRequested,
    SupplementAnswered,
    PaymentRequested,
    PaymentReceived,
    TaskClaimed,
    TaskAssigned,
    Forwarded,
    SentBack,
    Transferred,
    ConsultationRequested,
    ConsultationAnswered,
    Approved,
    Rejected,
    Stopped,
    ResultIssued,
    ResultReturned,
    Withdrawn,
    ApologyIssued,
    Rated,
    /// <summary>The unit holding the dossier or one of its tasks was reorganised; its successor took over.</summary>
    UnitReorganized,
    /// <summary>News of a postal shipment (a file picked up, a result that could not be delivered); the status does not change.</summary>
    PostalUpdate,
}

/// <summary>
/// A hand-over between units or people, as the processing-control slip (form 05) shows it: who had it,
/// who has it now, and the step due times on both sides.
/// </summary>
public sealed record Handover
{
    public string? FromStepKey { get; init; }
    public Guid? FromUnitId { get; init; }
    public string? FromPerson { get; init; }
    public DateTimeOffset? FromStepDueAt { get; init; }
    /// <summary>The handing-over step finished after its own due time.</summary>
    public bool FromStepLate { get; init; }
    public required string ToStepKey { get; init; }
    public required Guid ToUnitId { get; init; }
    public string? ToPerson { get; init; }
    public DateTimeOffset? ToStepDueAt { get; init; }
    public Guid ToTaskId { get; init; }
}

/// <summary>
/// One applied change, append-only: who, what, when, why, and what the citizen may see
/// (<see cref="PublicText"/> null means staff-only).
/// </summary>
public sealed record DossierEvent
{
    public required int Sequence { get; init; }
    public required DateTimeOffset At { get; init; }
    public required DossierEventType Type { get; init; }
    public required ActorKind ActorKind { get; init; }
    public required string ActorId { get; init; }
    public required string ActorName { get; init; }
    public string? Reason { get; init; }
    public string? PublicText { get; init; }
    public DossierStatus? FromStatus { get; init; }
    public required DossierStatus ToStatus { get; init; }
    public Guid? TaskId { get; init; }
    /// <summary>Free text for staff (items asked for, amounts, result documents); never shown to the public.</summary>
    public string? Details { get; init; }
    public Handover? Handover { get; init; }
}
