using MotCua.Domain.Catalog;
using MotCua.Domain.Organization;
using static MotCua.Domain.Tests.Catalog.ValidProcedure;

namespace MotCua.Domain.Tests.Catalog;

public class ProcedureValidatorWorkflowTests
{
    private static IReadOnlyList<ValidationError> Publish(ProcedureDefinition d) => ProcedureValidator.Validate(d, forPublishing: true);

    private static WorkflowStep[] Steps => [.. Workflow().Steps];

    [Fact]
    public void A_workflow_has_steps() =>
        AssertSingleError(Publish(Create().WithSteps()), "$.workflow.steps");

    [Fact]
    public void Step_keys_are_unique_and_steps_are_named()
    {
        var s = Steps;
        // The renamed step also stops being "result", so only look for the duplicate among the errors.
        Assert.Contains(Publish(Create().WithStep(3, s[3] with { Key = "approve" })), e => e.Path == "$.workflow.steps[3].key");
        AssertSingleError(Publish(Create().WithStep(1, s[1] with { Name = " " })), "$.workflow.steps[1].name");
    }

    [Fact]
    public void Every_transition_leads_to_an_existing_step()
    {
        var broken = Step("approve", StaffRole.Leader, 0.3m, (StepAction.Approve, "tra-ket-qua"), (StepAction.Reject, null));

        var errors = Publish(Create().WithStep(2, broken));

        // The result step is now unreachable as well; the broken target is reported at its own path.
        Assert.Contains(errors, e => e.Path == "$.workflow.steps[2].transitions[0].to");
    }

    [Theory]
    [InlineData(StepAction.Forward)]
    [InlineData(StepAction.SendBack)]
    [InlineData(StepAction.Transfer)]
    [InlineData(StepAction.Consult)]
    [InlineData(StepAction.RequestSupplement)]
    [InlineData(StepAction.RequestPayment)]
    public void Actions_that_do_not_end_processing_name_the_next_step(StepAction action)
    {
        var s = Steps;
        var step = s[1] with { Transitions = [.. s[1].Transitions, new StepTransition { Action = action }] };

        AssertSingleError(Publish(Create().WithStep(1, step)), "$.workflow.steps[1].transitions[3].to");
    }

    [Fact]
    public void Every_step_is_reachable_from_the_first()
    {
        var orphan = Step("archive", StaffRole.Specialist, 0m, (StepAction.Stop, null));

        AssertSingleError(Publish(Create().WithSteps([.. Steps, orphan])), "$.workflow.steps[4]");
    }

    [Fact]
    public void Every_step_has_a_way_to_finish()
    {
        // examine and approve only send the dossier to each other: it can never leave them.
        var loop = Create().WithSteps(
            Step("receive", StaffRole.CounterOfficer, 0.1m, (StepAction.Forward, "examine"), (StepAction.Reject, null)),
            Step("examine", StaffRole.Specialist, 0.5m, (StepAction.Forward, "approve")),
            Step("approve", StaffRole.Leader, 0.3m, (StepAction.SendBack, "examine"), (StepAction.Approve, "examine")));

        var errors = Publish(loop);

        Assert.Equal(["$.workflow.steps[1]", "$.workflow.steps[2]"], errors.Select(e => e.Path));
    }

    [Fact]
    public void A_step_without_actions_is_terminal()
    {
        var s = Steps;
        var terminal = s[3] with { Transitions = [] };

        Assert.Empty(Publish(Create().WithStep(3, terminal)));
    }

    [Fact]
    public void Every_step_has_a_performer()
    {
        var s = Steps;
        AssertSingleError(Publish(Create().WithStep(0, s[0] with { Performer = null! })), "$.workflow.steps[0].performer");
    }

    [Theory]
    [InlineData(UnitSelector.Fixed, null, true)]
    [InlineData(UnitSelector.Fixed, " ", true)]
    [InlineData(UnitSelector.Fixed, "000.00.00.H26", false)]
    [InlineData(UnitSelector.ParentOfKind, null, true)]
    [InlineData(UnitSelector.ParentOfKind, "peoplesCommittee", false)]
    [InlineData(UnitSelector.FieldDepartment, null, false)]
    public void Fixed_and_parent_of_kind_performers_name_their_unit(UnitSelector unit, string? argument, bool invalid)
    {
        var s = Steps;
        var performer = new StepPerformer { Unit = unit, Argument = argument, Role = StaffRole.Leader };

        var errors = Publish(Create().WithStep(2, s[2] with { Performer = performer }));

        if (invalid)
        {
            AssertSingleError(errors, "$.workflow.steps[2].performer.argument");
        }
        else
        {
            Assert.Empty(errors);
        }
    }

    [Fact]
    public void Each_share_is_between_0_and_1()
    {
        var s = Steps;
        var negative = Publish(Create().WithStep(0, s[0] with { Share = -0.1m }));
        var tooLarge = Publish(Create().WithSteps(s[0] with { Share = 1.1m }, s[1] with { Share = 0 }, s[2] with { Share = 0 }, s[3] with { Share = 0 }));

        AssertSingleError(negative, "$.workflow.steps[0].share");
        Assert.Equal(["$.workflow.steps[0].share", "$.workflow.steps"], tooLarge.Select(e => e.Path));
    }

    [Fact]
    public void Shares_do_not_exceed_the_legal_time()
    {
        var s = Steps;
        AssertSingleError(Publish(Create().WithStep(1, s[1] with { Share = 0.6m })), "$.workflow.steps");
    }

    [Fact]
    public void Shares_typed_as_rounded_thirds_still_fit()
    {
        var thirds = Create().WithSteps(
            Step("receive", StaffRole.CounterOfficer, 0.3334m, (StepAction.Forward, "examine")),
            Step("examine", StaffRole.Specialist, 0.3333m, (StepAction.Forward, "approve")),
            Step("approve", StaffRole.Leader, 0.3334m, (StepAction.Approve, null)));

        Assert.Empty(Publish(thirds));
    }

    [Fact]
    public void Some_step_approves_or_issues_the_result()
    {
        var refusalsOnly = Create().WithSteps(
            Step("receive", StaffRole.CounterOfficer, 0.5m, (StepAction.Forward, "examine"), (StepAction.Reject, null)),
            Step("examine", StaffRole.Specialist, 0.5m, (StepAction.Stop, null)));

        AssertSingleError(Publish(refusalsOnly), "$.workflow.steps");
    }
}
