namespace MotCua.Domain.Dossiers;

/// <summary>One row of the processing-control slip (form 05).</summary>
public sealed record ControlSlipEntry(
    int Sequence,
    DateTimeOffset At,
    DossierEventType Type,
    string ActorName,
    string? FromStepKey,
    Guid? FromUnitId,
    string? FromPerson,
    DateTimeOffset? FromStepDueAt,
    bool FromStepLate,
    string ToStepKey,
    Guid ToUnitId,
    string? ToPerson,
    DateTimeOffset? ToStepDueAt,
    string? Reason);

/// <summary>What the applicant (and a public lookup) sees of the history.</summary>
public sealed record PublicHistoryEntry(DateTimeOffset At, DossierStatus Status, string StatusName, string Text);

// The forms and histories are views over the events, so they can never disagree with what happened.
public sealed partial class Dossier
{
    /// <summary>Form 05: every hand-over between units and people, with each step's own due time.</summary>
    public IReadOnlyList<ControlSlipEntry> ProcessingControlSlip() =>
        [.. _events.Where(e => e.Handover is not null).Select(e => new ControlSlipEntry(
            e.Sequence, e.At, e.Type, e.ActorName,
            e.Handover!.FromStepKey, e.Handover.FromUnitId, e.Handover.FromPerson, e.Handover.FromStepDueAt, e.Handover.FromStepLate,
            e.Handover.ToStepKey, e.Handover.ToUnitId, e.Handover.ToPerson, e.Handover.ToStepDueAt, e.Reason))];

    /// <summary>The events the applicant may see, in order; internal steps (claims, hand-overs, consultations) are left out.</summary>
    public IReadOnlyList<PublicHistoryEntry> PublicHistory() =>
        [.. _events.Where(e => e.PublicText is not null)
            .Select(e => new PublicHistoryEntry(e.At, e.ToStatus, e.ToStatus.VietnameseName(), e.PublicText!))];
}
