using MotCua.Domain.Dossiers;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Identity;

namespace MotCua.Web.Features.Dossiers;

/// <summary>What kind of permission an action on a dossier needs.</summary>
public enum DossierDuty
{
    /// <summary>Accept, refuse, ask for a supplement before acceptance: the receiving unit's counter.</summary>
    Reception,
    /// <summary>Return the result, record a payment at the counter: the receiving unit's counter.</summary>
    Counter,
    /// <summary>Take an unassigned task: whoever holds the task's role in the task's unit.</summary>
    Claim,
    /// <summary>Give a task to a person: a leader of the task's unit.</summary>
    Assign,
    /// <summary>Act on the current step (forward, decide, consult, …): the task's holder, or anyone with its role when nobody holds it, or a leader of its unit.</summary>
    Step,
    /// <summary>The apology slip: whoever may act on the step, or the receiving unit's counter (who promised the date).</summary>
    Apology,
}

/// <summary>
/// Who may act on a dossier. Seeing comes first: staff who see none of the dossier's units get a 404 (the
/// dossier does not exist for them); staff who see it but may not do this get a 403 with the reason.
/// </summary>
public static class DossierPermissions
{
    /// <summary>Units through which a dossier is visible: where it was received and every unit that held a task.</summary>
    public static bool CanSee(Dossier dossier, IReadOnlySet<Guid> visible) =>
        visible.Contains(dossier.ReceivingUnitId) || dossier.Tasks.Any(t => visible.Contains(t.UnitId));

    /// <summary>Null when allowed; otherwise why not, in Vietnamese for the officer.</summary>
    public static string? Refusal(Dossier dossier, DossierDuty duty, IReadOnlyList<RoleHolding> roles, string staffId, Guid? taskId = null)
    {
        bool Holds(StaffRole role, Guid unit) => roles.Any(r => r.Role == role && r.UnitId == unit);
        var task = taskId is { } id ? dossier.Tasks.FirstOrDefault(t => t.Id == id && t.IsOpen) : dossier.MainTask;
        switch (duty)
        {
            case DossierDuty.Reception:
            case DossierDuty.Counter:
                return Holds(StaffRole.CounterOfficer, dossier.ReceivingUnitId) ? null : "Chỉ cán bộ một cửa của cơ quan tiếp nhận được thực hiện thao tác này.";
            case DossierDuty.Claim:
                if (task is null) return null; // the domain explains that there is no open task
                return Holds(task.Role, task.UnitId) || Holds(StaffRole.Leader, task.UnitId) ? null : "Việc này không thuộc vai trò của bạn tại đơn vị đang xử lý.";
            case DossierDuty.Assign:
                if (task is null) return null;
                return Holds(StaffRole.Leader, task.UnitId) ? null : "Chỉ lãnh đạo đơn vị đang xử lý được giao việc.";
            case DossierDuty.Step:
                return StepRefusal(task, Holds, staffId);
            case DossierDuty.Apology:
                return Holds(StaffRole.CounterOfficer, dossier.ReceivingUnitId) ? null : StepRefusal(task, Holds, staffId);
            default:
                throw new ArgumentOutOfRangeException(nameof(duty), duty, null);
        }
    }

    private static string? StepRefusal(DossierTask? task, Func<StaffRole, Guid, bool> holds, string staffId)
    {
        if (task is null) return null;
        if (holds(StaffRole.Leader, task.UnitId)) return null;
        if (!holds(task.Role, task.UnitId)) return "Bước này không thuộc vai trò của bạn tại đơn vị đang xử lý.";
        return task.AssigneeId is null || task.AssigneeId == staffId ? null : $"Việc này đang do {task.AssigneeName} xử lý.";
    }
}
