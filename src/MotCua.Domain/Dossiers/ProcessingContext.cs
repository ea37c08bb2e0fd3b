using MotCua.Domain.Calendar;
using MotCua.Domain.Catalog;
using MotCua.Domain.Organization;

namespace MotCua.Domain.Dossiers;

/// <summary>
/// What the dossier needs from outside to move through its workflow: the workflow of the procedure
/// version it was filed under, how a step's performer resolves to a unit for this dossier (the caller
/// knows the unit tree and the field departments), and the receiving unit's working time.
/// </summary>
public sealed record ProcessingContext(WorkflowDefinition Workflow, Func<StepPerformer, Guid> ResolveUnit, IWorkingTime Time)
{
    public WorkflowStep Step(string key) =>
        Workflow.Steps.FirstOrDefault(s => s.Key == key)
        ?? throw new DossierRuleException(DossierErrors.UnknownStep, $"Quy trình không có bước \"{key}\".");

    /// <summary>
    /// Where processing starts after acceptance: a first step done by counter officers is the reception
    /// itself (already done by accepting), so processing starts where it forwards to; otherwise at the
    /// first step.
    /// </summary>
    public WorkflowStep FirstProcessingStep()
    {
        if (Workflow.Steps.Count == 0)
        {
            throw new DossierRuleException(DossierErrors.UnknownStep, "Quy trình không có bước nào.");
        }

        var first = Workflow.Steps[0];
        if (first.Performer.Role != StaffRole.CounterOfficer || Workflow.Steps.Count == 1)
        {
            return first;
        }

        var forward = first.Transitions.FirstOrDefault(t => t.Action == StepAction.Forward && t.To is not null);
        return forward is null ? Workflow.Steps[1] : Step(forward.To!);
    }

    /// <summary>
    /// The transition for <paramref name="action"/> at <paramref name="stepKey"/>; when several are listed
    /// the caller names the target with <paramref name="to"/>. Refuses an action the step does not list.
    /// </summary>
    public StepTransition Transition(string stepKey, StepAction action, string? to = null)
    {
        var step = Step(stepKey);
        var candidates = step.Transitions.Where(t => t.Action == action).ToList();
        var chosen = to is null ? candidates.FirstOrDefault() : candidates.FirstOrDefault(t => t.To == to);
        return chosen ?? throw new DossierRuleException(
            DossierErrors.ActionNotAllowedAtStep,
            $"Bước \"{step.Name}\" không cho phép thao tác {action}{(to is null ? "" : $" tới bước \"{to}\"")}.");
    }

    /// <summary>
    /// Where a transfer from <paramref name="stepKey"/> goes when the officer does not choose: the unit the
    /// workflow names for the target step (e.g. the field's department for a commune-to-department hand-over).
    /// </summary>
    public Guid TransferTarget(string stepKey) =>
        ResolveUnit(Step(Transition(stepKey, StepAction.Transfer).To ?? stepKey).Performer);

    /// <summary>A step's share of the legal working time, counted from when the step starts.</summary>
    public DateTimeOffset? StepDue(WorkflowStep step, DateTimeOffset startedAt, decimal legalWorkingMinutes) =>
        legalWorkingMinutes <= 0 || step.Share <= 0 ? null : Time.AddWorkingMinutes(startedAt, step.Share * legalWorkingMinutes);
}
