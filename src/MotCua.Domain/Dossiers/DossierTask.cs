using MotCua.Domain.Organization;

namespace MotCua.Domain.Dossiers;

public enum TaskKind
{
    /// <summary>The step of the workflow the dossier is at; one is open at a time while processing.</summary>
    Main,
    /// <summary>An opinion asked of another unit; the main task waits until every one is answered.</summary>
    Consultation,
}

/// <summary>
/// Work on a dossier by one unit (and, once claimed or assigned, one person). Changed only by
/// <see cref="Dossier"/>, which records an event for every change.
/// </summary>
public sealed class DossierTask
{
    // For rehydration by the persistence layer.
    private DossierTask()
    {
        StepKey = "";
    }

    internal DossierTask(Guid id, TaskKind kind, string stepKey, Guid unitId, StaffRole role, DateTimeOffset startedAt, DateTimeOffset? stepDueAt)
    {
        Id = id;
        Kind = kind;
        StepKey = stepKey;
        UnitId = unitId;
        Role = role;
        StartedAt = startedAt;
        StepDueAt = stepDueAt;
    }

    public Guid Id { get; private set; }
    public TaskKind Kind { get; private set; }
    public string StepKey { get; private set; }
    public Guid UnitId { get; private set; }
    public StaffRole Role { get; private set; }
    public string? AssigneeId { get; private set; }
    public string? AssigneeName { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    /// <summary>The step's share of the legal time from <see cref="StartedAt"/>; moved only by supplement pauses.</summary>
    public DateTimeOffset? StepDueAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public string? CompletedBy { get; private set; }
    /// <summary>For a consultation: the question asked.</summary>
    public string? Question { get; private set; }
    /// <summary>For a consultation: the consulted unit's answer.</summary>
    public string? Outcome { get; private set; }

    public bool IsOpen => CompletedAt is null;

    /// <summary>Completed after its step due time (or still open past it, judged at <paramref name="now"/>).</summary>
    public bool IsLate(DateTimeOffset now) => StepDueAt is { } due && (CompletedAt ?? now) > due;

    internal void AssignTo(Actor person)
    {
        AssigneeId = person.Id;
        AssigneeName = person.Name;
    }

    internal void Ask(string question) => Question = question;

    internal void MoveTo(Guid unitId) => UnitId = unitId;

    internal void Complete(Actor by, DateTimeOffset at, string? outcome = null)
    {
        CompletedAt = at;
        CompletedBy = by.Name;
        Outcome = outcome ?? Outcome;
    }

    internal void ShiftDue(Func<DateTimeOffset, DateTimeOffset> shift)
    {
        if (StepDueAt is { } due)
        {
            StepDueAt = shift(due);
        }
    }
}
