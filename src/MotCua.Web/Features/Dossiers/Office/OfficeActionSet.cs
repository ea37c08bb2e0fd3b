using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Identity;

namespace MotCua.Web.Features.Dossiers.Office;

/// <summary>
/// Which action forms the dossier page shows to this person now: the same permission rules as every action
/// (<see cref="DossierPermissions"/>, via <see cref="DossierActions.DutyOf"/>) and the step's transitions in the
/// dossier's own workflow. Hiding a form is only a courtesy; the post is checked again by <see cref="DossierActions"/>.
/// </summary>
public sealed class OfficeActionSet
{
    private readonly HashSet<string> _allowed = new(StringComparer.Ordinal);

    public IReadOnlyList<WorkflowStep> ForwardTargets { get; private init; } = [];
    public IReadOnlyList<WorkflowStep> SendBackTargets { get; private init; } = [];
    public IReadOnlyList<StaffChoice> AssignCandidates { get; set; } = [];
    /// <summary>Open consultations this person may answer.</summary>
    public IReadOnlyList<DossierTask> Consultations { get; private init; } = [];

    public bool Can(string action) => _allowed.Contains(action);

    public bool Any => _allowed.Count > 0;

    private static readonly Dictionary<StepAction, string> ByStepAction = new()
    {
        [StepAction.Forward] = "forward", [StepAction.SendBack] = "send-back", [StepAction.Transfer] = "transfer",
        [StepAction.Consult] = "consult", [StepAction.RequestSupplement] = "supplement-request",
        [StepAction.RequestPayment] = "payment-request", [StepAction.Stop] = "stop", [StepAction.Approve] = "approve",
        [StepAction.Reject] = "reject", [StepAction.IssueResult] = "result",
    };

    public static OfficeActionSet For(Dossier d, ProcessingContext? context, IReadOnlyList<RoleHolding> roles, string staffId)
    {
        bool May(string action, Guid? taskId = null) => DossierPermissions.Refusal(d, DossierActions.DutyOf(action, d), roles, staffId, taskId) is null;
        var main = d.MainTask;
        var step = main is not null ? context?.Workflow.Steps.FirstOrDefault(s => s.Key == main.StepKey) : null;
        var transitions = d.Status == DossierStatus.Processing && step is not null ? step.Transitions : [];
        var set = new OfficeActionSet
        {
            ForwardTargets = Targets(context, transitions, StepAction.Forward),
            SendBackTargets = Targets(context, transitions, StepAction.SendBack),
            Consultations = [.. d.OpenConsultations.Where(t => May("consultation-answer", t.Id))],
        };
        var candidates = new List<string>();
        if (d.Status == DossierStatus.New) candidates.AddRange(["accept", "refuse", "supplement-request"]);
        if (d.Status.IsInProcessing() && main is not null)
        {
            if (main.AssigneeId is null) candidates.Add("claim");
            candidates.Add("assign");
            candidates.AddRange(transitions.Select(t => ByStepAction[t.Action]));
            // Waiting for the applicant does not prevent a stop: the papers or the payment may never come.
            if (step?.Transitions.Any(t => t.Action == StepAction.Stop) == true) candidates.Add("stop");
            if (d.Status == DossierStatus.PaymentRequested) candidates.Add("payment-received");
        }
        if (d.Status == DossierStatus.Processed) candidates.Add("return");
        if (d.AppointmentAt is not null && d.Status is DossierStatus.Processing or DossierStatus.SupplementRequested or DossierStatus.PaymentRequested or DossierStatus.Processed)
            candidates.Add("apology");
        foreach (var action in candidates.Distinct().Where(a => May(a))) set._allowed.Add(action);
        if (set.Consultations.Count > 0) set._allowed.Add("consultation-answer");
        return set;
    }

    private static IReadOnlyList<WorkflowStep> Targets(ProcessingContext? context, IReadOnlyList<StepTransition> transitions, StepAction action) =>
        context is null ? [] : [.. transitions.Where(t => t.Action == action && t.To is not null)
            .Select(t => context.Workflow.Steps.FirstOrDefault(s => s.Key == t.To)).OfType<WorkflowStep>()];
}
