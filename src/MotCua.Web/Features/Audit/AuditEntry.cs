namespace MotCua.Web.Features.Audit;

/// <summary>
/// One line of the audit log: who did or read what, concerning which units, from where, why, and whether it was
/// done or refused. Rows are only ever inserted (a trigger refuses UPDATE and DELETE); the hash chain that makes a
/// later change visible is kept apart, in <see cref="AuditSeal"/>, so writing an entry never reads or locks anything.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Given by the database on insert; a rolled-back transaction leaves a gap, which the chain tolerates.</summary>
    public long Sequence { get; set; }
    /// <summary>Whole milliseconds, so the canonical bytes read back the same from either database.</summary>
    public DateTimeOffset At { get; set; }
    public string ActorKind { get; set; } = AuditActorKinds.Anonymous;
    /// <summary>The staff account id, or the citizen's 12-digit personal ID number.</summary>
    public string? ActorId { get; set; }
    public string? ActorName { get; set; }
    /// <summary>Stable code: <c>dossier.accept</c>, <c>dossier.view</c>, <c>staff.role-added</c>, …</summary>
    public string Action { get; set; } = "";
    public string ObjectType { get; set; } = "";
    public string? ObjectId { get; set; }
    /// <summary>What a person reads: the dossier's code, the account's e-mail, the procedure's code.</summary>
    public string? ObjectLabel { get; set; }
    public string? ClientIp { get; set; }
    public string? UserAgent { get; set; }
    /// <summary>The reason given with the action, or for a read its purpose ("xem hồ sơ").</summary>
    public string? Reason { get; set; }
    public string Outcome { get; set; } = AuditOutcomes.Done;
    /// <summary>For a refusal, why (the error code or the status).</summary>
    public string? Detail { get; set; }
    /// <summary>The units the entry concerns: who may find it in a search.</summary>
    public List<AuditEntryUnit> Units { get; set; } = [];

    /// <summary>Adds units the entry concerns (a staged entry learns of a transfer's target before it is saved).</summary>
    public void Concern(IEnumerable<Guid> units)
    {
        foreach (var unit in units)
        {
            if (unit != Guid.Empty && !Units.Exists(u => u.UnitId == unit)) Units.Add(new AuditEntryUnit { UnitId = unit });
        }
    }
}

public sealed class AuditEntryUnit
{
    public long EntrySequence { get; set; }
    public Guid UnitId { get; set; }
}

/// <summary>
/// One link of the hash chain, written by the sealer only: <c>Hash = SHA-256(previous seal's Hash || canonical bytes
/// of the entry)</c>. Links are numbered by <see cref="Position"/> without gaps and each names the entry it chained
/// to before, so a removed entry, a removed link or two swapped links is found by the verification.
/// </summary>
public sealed class AuditSeal
{
    public long Position { get; set; }
    public long EntrySequence { get; set; }
    /// <summary>The entry sealed just before this one (null for the first link).</summary>
    public long? PreviousEntrySequence { get; set; }
    public byte[] Hash { get; set; } = [];
    public DateTimeOffset SealedAt { get; set; }
}

public static class AuditActorKinds
{
    public const string Staff = "staff";
    public const string Citizen = "citizen";
    public const string Anonymous = "anonymous";
    /// <summary>The product itself (start-up seeding, background work).</summary>
    public const string System = "system";
}

public static class AuditOutcomes
{
    public const string Done = "done";
    public const string Refused = "refused";
}

public static class AuditActors
{
    /// <summary>Who acted, as lists and the API show it: a citizen's personal ID number masked, anyone else's id as it is.</summary>
    public static string Shown(AuditEntry e) =>
        e.ActorKind == AuditActorKinds.Citizen ? Infrastructure.Privacy.PersonalData.MaskStored(e.ActorId) : e.ActorId ?? "";
}
