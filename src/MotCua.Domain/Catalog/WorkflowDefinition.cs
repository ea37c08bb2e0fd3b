using MotCua.Domain.Organization;

namespace MotCua.Domain.Catalog;

/// <summary>
/// The internal processing of a procedure: ordered steps, each performed by a role in a unit chosen
/// relative to the dossier, with a share of the legal time and the actions that leave it.
/// </summary>
public sealed record WorkflowDefinition
{
    public IReadOnlyList<WorkflowStep> Steps { get; init; } = [];
}

public sealed record WorkflowStep
{
    /// <summary>Stable key within the workflow, e.g. "receive", "examine", "approve".</summary>
    public required string Key { get; init; }
    public required string Name { get; init; }
    public required StepPerformer Performer { get; init; }
    /// <summary>Share of the legal processing time, 0–1; shares of all steps must not exceed 1.</summary>
    public decimal Share { get; init; }
    public IReadOnlyList<StepTransition> Transitions { get; init; } = [];
}

/// <summary>Which unit performs a step, relative to the dossier, and with which role.</summary>
public sealed record StepPerformer
{
    public UnitSelector Unit { get; init; } = UnitSelector.Receiving;
    /// <summary>For <see cref="UnitSelector.ParentOfKind"/>: the unit kind; for <see cref="UnitSelector.Fixed"/>: the unit's code.</summary>
    public string? Argument { get; init; }
    public StaffRole Role { get; init; } = StaffRole.Specialist;
}

public enum UnitSelector
{
    /// <summary>The unit that received the dossier.</summary>
    Receiving,
    /// <summary>The nearest ancestor of the receiving unit of a given kind.</summary>
    ParentOfKind,
    /// <summary>The department responsible for the procedure's field.</summary>
    FieldDepartment,
    /// <summary>A unit named by code.</summary>
    Fixed,
}

public enum StepAction
{
    Forward,
    SendBack,
    Transfer,
    Consult,
    RequestSupplement,
    RequestPayment,
    Stop,
    Approve,
    Reject,
    IssueResult,
}

/// <summary>An action available at a step; <see cref="To"/> names the next step, or null when the action ends processing.</summary>
public sealed record StepTransition
{
    public StepAction Action { get; init; }
    public string? To { get; init; }
}
