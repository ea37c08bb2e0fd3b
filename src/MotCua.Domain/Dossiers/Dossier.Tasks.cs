using MotCua.Domain.Catalog;
using MotCua.Domain.Organization;

namespace MotCua.Domain.Dossiers;

// Tasks inside processing: who holds the dossier, hand-overs between steps and units, consultations.
public sealed partial class Dossier
{
    /// <summary>A staff member takes the unassigned task (the main task unless another is named).</summary>
    public void Claim(Actor staff, DateTimeOffset now, Guid? taskId = null)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var task = OpenTask(taskId);
        if (task.AssigneeId is not null)
        {
            throw new DossierRuleException(DossierErrors.TaskAlreadyAssigned, $"Việc này đã được giao cho {task.AssigneeName}.");
        }

        BeginChange();
        task.AssignTo(staff);
        Record(DossierEventType.TaskClaimed, staff, now, Status, taskId: task.Id, handover: PersonHandover(task, null, staff));
    }

    /// <summary>A leader gives the task to a person, or gives it to someone else.</summary>
    public void Assign(Actor assignee, Actor by, DateTimeOffset now, Guid? taskId = null)
    {
        ArgumentNullException.ThrowIfNull(assignee);
        ArgumentNullException.ThrowIfNull(by);
        var task = OpenTask(taskId);
        var previous = task.AssigneeName;
        BeginChange();
        task.AssignTo(assignee);
        Record(DossierEventType.TaskAssigned, by, now, Status, taskId: task.Id, handover: PersonHandover(task, previous, assignee));
    }

    /// <summary>
    /// Asks another unit's opinion: a consultation task with its own due time. The main task cannot
    /// leave its step until every consultation is answered.
    /// </summary>
    public Guid Consult(ProcessingContext context, Guid unitId, string question, DateTimeOffset dueAt, Actor by, DateTimeOffset now, StaffRole role = StaffRole.Specialist)
    {
        ArgumentNullException.ThrowIfNull(by);
        var main = RequireStep(context, StepAction.Consult, leaving: false, out _);
        var what = RequireReason(question);
        BeginChange();
        var task = new DossierTask(Guid.CreateVersion7(now), TaskKind.Consultation, main.StepKey, unitId, role, now, dueAt);
        task.Ask(what);
        _tasks.Add(task);
        Record(DossierEventType.ConsultationRequested, by, now, Status, what, taskId: task.Id,
            handover: new Handover
            {
                FromStepKey = main.StepKey,
                FromUnitId = main.UnitId,
                FromPerson = by.Name,
                FromStepDueAt = main.StepDueAt,
                ToStepKey = main.StepKey,
                ToUnitId = unitId,
                ToStepDueAt = dueAt,
                ToTaskId = task.Id,
            });
        return task.Id;
    }

    /// <summary>The consulted unit answers; the answer goes back to the main task's unit.</summary>
    public void AnswerConsultation(Guid taskId, string answer, Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        var task = _tasks.FirstOrDefault(t => t.Id == taskId && t.Kind == TaskKind.Consultation && t.IsOpen)
            ?? throw new DossierRuleException(DossierErrors.NoSuchTask, "Không có yêu cầu xin ý kiến đang mở này.");
        var text = RequireReason(answer);
        var main = MainTask;
        BeginChange();
        task.Complete(by, now, text);
        Record(DossierEventType.ConsultationAnswered, by, now, Status, taskId: task.Id, details: text,
            handover: new Handover
            {
                FromStepKey = task.StepKey,
                FromUnitId = task.UnitId,
                FromPerson = by.Name,
                FromStepDueAt = task.StepDueAt,
                FromStepLate = task.IsLate(now),
                ToStepKey = main?.StepKey ?? task.StepKey,
                ToUnitId = main?.UnitId ?? ReceivingUnitId,
                ToPerson = main?.AssigneeName,
                ToStepDueAt = main?.StepDueAt,
                ToTaskId = main?.Id ?? Guid.Empty,
            });
    }

    private DossierTask OpenTask(Guid? taskId)
    {
        if (!Status.IsInProcessing())
        {
            throw DossierErrors.Status(Status, "nhận hoặc giao việc");
        }

        return (taskId is null ? MainTask : _tasks.FirstOrDefault(t => t.Id == taskId && t.IsOpen))
            ?? throw new DossierRuleException(DossierErrors.NoSuchTask, "Không có việc đang mở này.");
    }

    private DossierTask RequireMainTask() =>
        MainTask ?? throw new DossierRuleException(DossierErrors.NoSuchTask, "Hồ sơ không có bước xử lý đang mở.");

    /// <summary>
    /// The checks shared by every workflow action: processing (not waiting for the applicant), the step
    /// lists the action, and — for an action that leaves the step — no consultation still open.
    /// </summary>
    private DossierTask RequireStep(ProcessingContext context, StepAction action, bool leaving, out StepTransition transition, string? to = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        RequireStatus($"thực hiện thao tác {action}", DossierStatus.Processing);
        var main = RequireMainTask();
        transition = context.Transition(main.StepKey, action, to);
        if (leaving && OpenConsultations.Any())
        {
            throw new DossierRuleException(DossierErrors.ConsultationsOpen, "Đang chờ ý kiến của đơn vị được xin ý kiến; chưa thể chuyển bước.");
        }

        return main;
    }

    private DossierTask OpenMainTask(ProcessingContext context, WorkflowStep step, Guid unitId, DateTimeOffset now, DateTimeOffset? keepDue)
    {
        var due = keepDue ?? context.StepDue(step, now, LegalWorkingMinutes);
        var task = new DossierTask(Guid.CreateVersion7(now), TaskKind.Main, step.Key, unitId, step.Performer.Role, now, due);
        _tasks.Add(task);
        return task;
    }

    /// <summary>Closes the current step and opens the next one, recording the hand-over for form 05. The caller has begun the change.</summary>
    private void HandOver(
        ProcessingContext context, DossierTask from, WorkflowStep to, Guid toUnit, DossierEventType type, Actor by, DateTimeOffset now,
        string? reason, DateTimeOffset? keepDue = null, string? publicText = null)
    {
        from.Complete(by, now);
        var next = OpenMainTask(context, to, toUnit, now, keepDue);
        Record(type, by, now, DossierStatus.Processing, reason, publicText, next.Id, handover: new Handover
        {
            FromStepKey = from.StepKey,
            FromUnitId = from.UnitId,
            FromPerson = from.AssigneeName ?? by.Name,
            FromStepDueAt = from.StepDueAt,
            FromStepLate = from.IsLate(now),
            ToStepKey = next.StepKey,
            ToUnitId = next.UnitId,
            ToStepDueAt = next.StepDueAt,
            ToTaskId = next.Id,
        });
    }

    private void CloseOpenTasks(Actor by, DateTimeOffset now)
    {
        foreach (var task in _tasks.Where(t => t.IsOpen))
        {
            task.Complete(by, now);
        }
    }

    private static Handover PersonHandover(DossierTask task, string? fromPerson, Actor to) => new()
    {
        FromStepKey = task.StepKey,
        FromUnitId = task.UnitId,
        FromPerson = fromPerson,
        FromStepDueAt = task.StepDueAt,
        ToStepKey = task.StepKey,
        ToUnitId = task.UnitId,
        ToPerson = to.Name,
        ToStepDueAt = task.StepDueAt,
        ToTaskId = task.Id,
    };
}
