using System.Globalization;

namespace MotCua.Domain.Catalog;

/// <summary>
/// Checks the workflow as a graph: a dossier must be able to enter every step, leave every step towards
/// an end, and always find someone to work on it; and the steps' shares of the legal time must fit in it,
/// otherwise step deadlines would fall after the dossier's own due date.
/// </summary>
internal static class WorkflowValidator
{
    // Shares are typed by people as decimals such as 0.33; three thirds must still pass.
    private const decimal ShareTolerance = 0.001m;

    public static void Validate(WorkflowDefinition workflow, List<ValidationError> errors)
    {
        var steps = workflow.Steps;
        if (steps.Count == 0)
        {
            errors.Add(new("$.workflow.steps", "Quy trình phải có ít nhất một bước."));
            return;
        }

        var indexOf = IndexSteps(steps, errors);
        var hasResult = false;
        decimal totalShare = 0;

        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var path = ValidationPath.Index("$.workflow.steps", i);
            ValidatePerformer(step.Performer, path, errors);

            if (step.Share is < 0 or > 1)
            {
                errors.Add(new(path + ".share", "Tỷ lệ thời gian của bước phải từ 0 đến 1."));
            }

            totalShare += step.Share;
            for (var j = 0; j < step.Transitions.Count; j++)
            {
                var transition = step.Transitions[j];
                hasResult |= transition.Action is StepAction.Approve or StepAction.IssueResult;
                ValidateTarget(transition, ValidationPath.Index(path + ".transitions", j) + ".to", indexOf, errors);
            }
        }

        if (totalShare > 1 + ShareTolerance)
        {
            errors.Add(new("$.workflow.steps", string.Create(CultureInfo.InvariantCulture,
                $"Tổng tỷ lệ thời gian của các bước ({totalShare:0.###}) vượt quá 1.")));
        }

        if (!hasResult)
        {
            errors.Add(new("$.workflow.steps",
                "Quy trình phải có hành động phê duyệt (Approve) hoặc trả kết quả (IssueResult)."));
        }

        ValidateGraph(steps, indexOf, errors);
    }

    private static Dictionary<string, int> IndexSteps(IReadOnlyList<WorkflowStep> steps, List<ValidationError> errors)
    {
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < steps.Count; i++)
        {
            var path = ValidationPath.Index("$.workflow.steps", i);
            ProcedureValidator.RequireText(steps[i].Name, path + ".name", errors);
            if (!ProcedureValidator.RequireText(steps[i].Key, path + ".key", errors))
            {
                continue;
            }

            if (!indexOf.TryAdd(steps[i].Key, i))
            {
                errors.Add(new(path + ".key", $"Mã bước \"{steps[i].Key}\" bị trùng."));
            }
        }

        return indexOf;
    }

    private static void ValidatePerformer(StepPerformer? performer, string stepPath, List<ValidationError> errors)
    {
        // Required by the type, but a definition built in code or by hand can still leave it out.
        if (performer is null)
        {
            errors.Add(new(stepPath + ".performer", "Bước chưa có người thực hiện."));
            return;
        }

        if (performer.Unit == UnitSelector.Fixed && string.IsNullOrWhiteSpace(performer.Argument))
        {
            errors.Add(new(stepPath + ".performer.argument", "Đơn vị cố định phải ghi mã đơn vị."));
        }
        else if (performer.Unit == UnitSelector.ParentOfKind && string.IsNullOrWhiteSpace(performer.Argument))
        {
            errors.Add(new(stepPath + ".performer.argument", "Phải ghi loại đơn vị cấp trên thực hiện bước này."));
        }
    }

    private static void ValidateTarget(
        StepTransition transition, string toPath, Dictionary<string, int> indexOf, List<ValidationError> errors)
    {
        if (transition.To is null)
        {
            if (!IsEnding(transition))
            {
                errors.Add(new(toPath, $"Hành động {transition.Action} phải chỉ rõ bước tiếp theo."));
            }
        }
        else if (!indexOf.ContainsKey(transition.To))
        {
            errors.Add(new(toPath, $"Không có bước \"{transition.To}\" trong quy trình."));
        }
    }

    private static void ValidateGraph(
        IReadOnlyList<WorkflowStep> steps, Dictionary<string, int> indexOf, List<ValidationError> errors)
    {
        var next = steps
            .Select(s => s.Transitions
                .Where(t => t.To is not null && indexOf.ContainsKey(t.To))
                .Select(t => indexOf[t.To!])
                .ToArray())
            .ToArray();

        var reachable = new bool[steps.Count];
        var queue = new Queue<int>([0]);
        reachable[0] = true;
        while (queue.TryDequeue(out var current))
        {
            foreach (var target in next[current].Where(t => !reachable[t]))
            {
                reachable[target] = true;
                queue.Enqueue(target);
            }
        }

        // A step can finish when it ends processing itself or leads to a step that can; a step with no
        // actions at all is a terminal step. Propagate backwards until nothing changes.
        var canFinish = steps.Select(s => s.Transitions.Count == 0 || s.Transitions.Any(IsEnding)).ToArray();
        for (var changed = true; changed;)
        {
            changed = false;
            for (var i = 0; i < steps.Count; i++)
            {
                if (!canFinish[i] && next[i].Any(t => canFinish[t]))
                {
                    canFinish[i] = changed = true;
                }
            }
        }

        for (var i = 0; i < steps.Count; i++)
        {
            var path = ValidationPath.Index("$.workflow.steps", i);
            if (!reachable[i])
            {
                errors.Add(new(path, "Không thể đến bước này từ bước đầu tiên."));
            }

            if (!canFinish[i])
            {
                errors.Add(new(path, "Từ bước này không có cách nào để kết thúc xử lý."));
            }
        }
    }

    private static bool IsEnding(StepTransition transition) =>
        transition.To is null
        && transition.Action is StepAction.Approve or StepAction.IssueResult or StepAction.Reject or StepAction.Stop;
}
