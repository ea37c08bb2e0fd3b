using MotCua.Domain.Feedback;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Identity;

namespace MotCua.Web.Features.Feedback.Handling;

/// <summary>
/// Who may do what with a citizen's report (docs/adr/0025-feedback-handling-roles.md). Seeing comes first: staff who
/// do not see the handling unit get a 404 (the report does not exist for them); staff who see it but may not do this
/// get a 403 with the reason. Anything not granted here is denied.
/// <list type="bullet">
/// <item>Acknowledge, start, answer (resolve), reject, mark duplicate: a specialist or leader of the handling unit.</item>
/// <item>Re-route: the same, to any unit open today; or a supervisor of the handling unit or above, within their subtree.</item>
/// <item>Moderate (published text, hide): a leader of the handling unit, or a supervisor of it or above.</item>
/// </list>
/// Counter officers and administrators see their units' reports but do not handle them.
/// </summary>
public static class FeedbackPermissions
{
    public static bool CanSee(FeedbackReport report, IReadOnlySet<Guid> visible) => visible.Contains(report.HandlingUnitId);

    /// <summary>Null when allowed; otherwise why not, in Vietnamese for the officer.</summary>
    public static string? Refusal(string action, FeedbackReport report, IReadOnlyList<RoleHolding> roles, UnitTree tree)
    {
        var unit = report.HandlingUnitId;
        var handles = roles.Any(r => r.UnitId == unit && r.Role is StaffRole.Specialist or StaffRole.Leader);
        var leads = roles.Any(r => r.UnitId == unit && r.Role == StaffRole.Leader);
        var supervises = Supervises(roles, tree, unit);
        return action switch
        {
            FeedbackActions.Reroute => handles || supervises ? null : "Chỉ chuyên viên, lãnh đạo của đơn vị đang xử lý hoặc cán bộ giám sát cấp trên được chuyển phản ánh.",
            FeedbackActions.Moderate => leads || supervises ? null : "Chỉ lãnh đạo đơn vị đang xử lý hoặc cán bộ giám sát cấp trên được biên tập nội dung công khai.",
            _ => handles ? null : "Chỉ chuyên viên hoặc lãnh đạo của đơn vị đang xử lý được thực hiện thao tác này.",
        };
    }

    /// <summary>
    /// Where this person may send a report: anywhere open today when they handle it at its unit; a supervisor who is not
    /// of the unit, only within their own subtree (they oversee it, they do not speak for other branches).
    /// </summary>
    public static string? TargetRefusal(FeedbackReport report, Guid target, IReadOnlyList<RoleHolding> roles, UnitTree tree)
    {
        var handles = roles.Any(r => r.UnitId == report.HandlingUnitId && r.Role is StaffRole.Specialist or StaffRole.Leader);
        return handles || Supervises(roles, tree, target) ? null : "Cán bộ giám sát chỉ chuyển phản ánh trong phạm vi đơn vị mình giám sát.";
    }

    /// <summary>What the page offers: the actions this person may use on the report as it stands.</summary>
    public static IReadOnlyList<string> Allowed(FeedbackReport report, IReadOnlyList<RoleHolding> roles, UnitTree tree) =>
        [.. FeedbackActions.All.Where(a => FeedbackActions.Applies(a, report.Status) && Refusal(a, report, roles, tree) is null)];

    private static bool Supervises(IReadOnlyList<RoleHolding> roles, UnitTree tree, Guid unit)
    {
        var mine = roles.Where(r => r.Role == StaffRole.Supervisor).Select(r => r.UnitId).ToHashSet();
        return mine.Count > 0 && (mine.Contains(unit) || tree.AncestorsOf(unit).Any(a => mine.Contains(a.Id)));
    }
}

/// <summary>The staff actions on a report, by the names the pages and the API use.</summary>
public static class FeedbackActions
{
    public const string Acknowledge = "acknowledge";
    public const string Start = "start";
    public const string Reroute = "reroute";
    public const string Duplicate = "duplicate";
    public const string Reject = "reject";
    public const string Resolve = "resolve";
    public const string Moderate = "moderate";

    public static readonly IReadOnlyList<string> All = [Acknowledge, Start, Resolve, Reroute, Duplicate, Reject, Moderate];

    public static bool Exists(string? name) => name is not null && All.Contains(name);

    /// <summary>Whether the action makes sense in this status (the domain refuses the rest; the page does not offer them).</summary>
    public static bool Applies(string action, FeedbackStatus status) => action switch
    {
        Acknowledge => status == FeedbackStatus.New,
        Start => status is FeedbackStatus.New or FeedbackStatus.Acknowledged,
        Moderate => true,
        _ => !status.IsClosed(),
    };
}
