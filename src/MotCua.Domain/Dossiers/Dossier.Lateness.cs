using MotCua.Domain.Catalog;

namespace MotCua.Domain.Dossiers;

// Lateness while the dossier is open, and the outcome class once processing ended.
public sealed partial class Dossier
{
    /// <summary>Past the due date (moved by supplement pauses, not by apologies) and not finished; the clock stands still while waiting for papers.</summary>
    public bool IsOverdue(DateTimeOffset now) => DueAtAdjusted is { } due && Status.IsInProcessing() && ClockAt(now) > due;

    /// <summary>The current step is past its own share of the time, so a late step shows before the dossier is late.</summary>
    public bool StepOverdue(DateTimeOffset now) =>
        Status.IsInProcessing() && MainTask is { StepDueAt: { } due } && ClockAt(now) > due;

    /// <summary>
    /// The dossier is heading for lateness: it or its current step is already past due. The handler is
    /// prompted for the apology slip.
    /// </summary>
    public bool WillBeLate(DateTimeOffset now) => IsOverdue(now) || StepOverdue(now);

    /// <summary>Early, on time or late once processing ended; null while open or when there is nothing to judge.</summary>
    public OutcomeClass? OutcomeClass => OnTimeRule.Judge(this);

    // While waiting for the applicant's papers the legal clock stopped when they were asked for.
    private DateTimeOffset ClockAt(DateTimeOffset now) =>
        Status == DossierStatus.SupplementRequested && _supplements.Count > 0 && _supplements[^1].DuringProcessing
            ? _supplements[^1].RequestedAt
            : now;

    /// <summary>
    /// When processing will end if the current step uses its whole share (or ends now, when already past
    /// it) and every later step on the workflow's forward path takes its own share. Null when not processing.
    /// </summary>
    public DateTimeOffset? PredictedFinish(ProcessingContext context, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Status.IsInProcessing() || MainTask is not { } main)
        {
            return null;
        }

        var clock = ClockAt(now);
        var start = main.StepDueAt is { } stepDue && stepDue > clock ? stepDue : clock;
        var remainingShare = 0m;
        var visited = new HashSet<string> { main.StepKey };
        var step = context.Step(main.StepKey);
        // The forward path: the first transition that moves the dossier on, never round a loop twice.
        while (step.Transitions.FirstOrDefault(t => t.To is not null && t.Action is StepAction.Forward or StepAction.Approve) is { } next
            && visited.Add(next.To!))
        {
            step = context.Step(next.To!);
            remainingShare += step.Share;
        }

        return context.Time.AddWorkingMinutes(start, remainingShare * LegalWorkingMinutes);
    }

    /// <summary>The step prediction says the dossier will miss its due date (or it already has).</summary>
    public bool WillBeLate(ProcessingContext context, DateTimeOffset now) =>
        IsOverdue(now) || (PredictedFinish(context, now) is { } finish && DueAtAdjusted is { } due && finish > due);
}
