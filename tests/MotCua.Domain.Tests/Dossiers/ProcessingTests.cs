using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using static MotCua.Domain.Tests.Dossiers.DossierTestKit;

namespace MotCua.Domain.Tests.Dossiers;

public class ProcessingTests
{
    [Fact]
    public void Send_back_returns_to_an_earlier_step_with_a_fresh_share()
    {
        var dossier = Accepted(At(9, 9));
        dossier.Forward(Context, Specialist, At(9, 10));
        dossier.Forward(Context, Specialist, At(9, 11));
        Assert.Equal(DossierErrors.ReasonRequired, Refused(() => dossier.SendBack(Context, "", Leader, At(10, 8))).Code);

        dossier.SendBack(Context, "Cần thẩm định lại diện tích", Leader, At(10, 9));

        var task = dossier.MainTask!;
        Assert.Equal(("examine", Ward), (task.StepKey, task.UnitId));
        Assert.Equal(WorkCalendar.AddWorkingMinutes(At(10, 9), 720), task.StepDueAt);
        Assert.Equal("Cần thẩm định lại diện tích", dossier.Events[^1].Reason);
        // Back at "examine", which does not list SendBack.
        Assert.Equal(DossierErrors.ActionNotAllowedAtStep, Refused(() => dossier.SendBack(Context, "Lý do", Leader, At(10, 10))).Code);
    }

    [Fact]
    public void Transfer_to_another_unit_and_back_keeps_the_step_and_its_due_time()
    {
        var dossier = Accepted(At(9, 9));
        var due = dossier.MainTask!.StepDueAt;

        dossier.Transfer(Context, City, "Thuộc thẩm quyền cấp thành phố", Specialist, At(9, 10));
        Assert.Equal(("examine", City, due), (dossier.MainTask!.StepKey, dossier.MainTask.UnitId, dossier.MainTask.StepDueAt));

        dossier.Transfer(Context, Ward, "Trả về phường để xử lý tiếp", Actor.Staff("city-1", "Đỗ Văn Em"), At(9, 14));
        Assert.Equal((Ward, due), (dossier.MainTask!.UnitId, dossier.MainTask.StepDueAt));
        Assert.Equal(3, dossier.Tasks.Count);
        Assert.Equal(DossierErrors.SameUnit, Refused(() => dossier.Transfer(Context, Ward, "Lý do", Specialist, At(9, 15))).Code);
    }

    [Fact]
    public void The_main_task_waits_until_every_consultation_is_answered()
    {
        var dossier = Accepted(At(9, 9));
        var first = dossier.Consult(Context, Department, "Ý kiến về quy hoạch?", At(10, 17), Specialist, At(9, 10));
        var second = dossier.Consult(Context, City, "Ý kiến về hạ tầng?", At(11, 17), Specialist, At(9, 10));

        Assert.Equal(DossierErrors.ConsultationsOpen, Refused(() => dossier.Forward(Context, Specialist, At(9, 11))).Code);
        dossier.AnswerConsultation(first, "Phù hợp quy hoạch", Actor.Staff("dept-1", "Vũ Thị Giang"), At(10, 9));
        Assert.Equal(DossierErrors.ConsultationsOpen, Refused(() => dossier.Forward(Context, Specialist, At(10, 10))).Code);
        dossier.AnswerConsultation(second, "Đồng ý", Actor.Staff("city-1", "Đỗ Văn Em"), At(10, 11));

        dossier.Forward(Context, Specialist, At(10, 12));

        Assert.Equal("verify", dossier.MainTask!.StepKey);
        var consultation = dossier.Tasks.Single(t => t.Id == first);
        Assert.Equal((TaskKind.Consultation, "Phù hợp quy hoạch", At(10, 17)), (consultation.Kind, consultation.Outcome, consultation.StepDueAt));
        Assert.Equal(DossierErrors.NoSuchTask, Refused(() => dossier.AnswerConsultation(first, "Lại", Specialist, At(10, 13))).Code);
    }

    [Fact]
    public void Stop_ends_processing_with_status_8()
    {
        var dossier = Accepted(At(9, 9));
        dossier.Consult(Context, Department, "Ý kiến?", At(10, 17), Specialist, At(9, 10));

        dossier.Stop(Context, "Đất đang có tranh chấp", Specialist, At(9, 11));

        Assert.Equal(DossierStatus.Stopped, dossier.Status);
        Assert.Equal(At(9, 11), dossier.StoppedAt);
        Assert.All(dossier.Tasks, t => Assert.False(t.IsOpen));
        Assert.Equal(OutcomeClass.Early, dossier.OutcomeClass);
        Assert.Equal(DossierErrors.WrongStatus, Refused(() => dossier.Forward(Context, Specialist, At(9, 12))).Code);
    }

    [Fact]
    public void Reject_after_examination_ends_with_a_written_refusal_as_the_result()
    {
        var dossier = Accepted(At(9, 9));
        dossier.Forward(Context, Specialist, At(9, 10));
        dossier.Forward(Context, Specialist, At(9, 11));

        dossier.Reject(Context, "Không đủ điều kiện", Leader, At(9, 14));
        dossier.IssueResult(Context, [new ResultDocumentRef("Văn bản trả lời", Guid.NewGuid())], Officer, At(9, 15));

        Assert.Equal((DossierStatus.Processed, Decision.Rejected), (dossier.Status, dossier.Decision));
        Assert.Contains("Không đủ điều kiện", dossier.PublicHistory()[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Payment_pauses_at_6_and_resumes_at_4()
    {
        var dossier = Accepted(At(9, 9));

        dossier.RequestPayment(Context, 50_000, "Lệ phí cấp giấy", Specialist, At(9, 10));
        Assert.Equal(DossierStatus.PaymentRequested, dossier.Status);
        dossier.PaymentReceived("PAY-123", Actor.System, At(9, 11));

        Assert.Equal(DossierStatus.Processing, dossier.Status);
        Assert.Equal((50_000L, "PAY-123"), (dossier.Payments[0].Amount, dossier.Payments[0].PaymentReference));
        Assert.Equal(DossierErrors.AmountInvalid, Refused(() => dossier.RequestPayment(Context, 0, "Phí", Specialist, At(9, 12))).Code);
    }

    [Theory]
    [InlineData(StepAction.Approve)]
    [InlineData(StepAction.IssueResult)]
    [InlineData(StepAction.SendBack)]
    public void An_action_the_step_does_not_list_is_refused(StepAction action)
    {
        var dossier = Accepted(At(9, 9)); // at "examine"
        var version = dossier.Version;

        var error = Refused(() => Act(dossier, action));

        Assert.Equal(DossierErrors.ActionNotAllowedAtStep, error.Code);
        Assert.Equal(version, dossier.Version);
    }

    [Fact]
    public void Actions_in_the_wrong_status_are_refused()
    {
        var submitted = Submitted(At(9, 8));
        Assert.Equal(DossierErrors.WrongStatus, Refused(() => submitted.Forward(Context, Specialist, At(9, 9))).Code);
        Assert.Equal(DossierErrors.WrongStatus, Refused(() => submitted.ReturnResult(Channel.Counter, Officer, At(9, 9))).Code);
        Assert.Equal(DossierErrors.WrongStatus, Refused(() => submitted.Claim(Specialist, At(9, 9))).Code);

        var accepted = Accepted(At(9, 9));
        Assert.Equal(DossierErrors.WrongStatus, Refused(() => accepted.Refuse("Thiếu", Officer, At(9, 10))).Code);
        Assert.Equal(DossierErrors.WrongStatus,
            Refused(() => accepted.Accept(DossierCode.Create(Agency, At(9, 9), 2), Deadline(At(9, 9)), Context, Officer, At(9, 10))).Code);
        Assert.Equal(DossierErrors.WrongStatus, Refused(() => accepted.AnswerSupplement(WorkCalendar, Citizen, At(9, 10))).Code);
    }

    [Fact]
    public void Claim_takes_an_unassigned_task_and_assign_hands_it_on()
    {
        var dossier = Accepted(At(9, 9));
        dossier.Claim(Specialist, At(9, 10));
        Assert.Equal(DossierErrors.TaskAlreadyAssigned, Refused(() => dossier.Claim(Leader, At(9, 11))).Code);

        var other = Actor.Staff("specialist-2", "Hoàng Văn Hải");
        dossier.Assign(other, Leader, At(9, 11));

        Assert.Equal(("specialist-2", "Hoàng Văn Hải"), (dossier.MainTask!.AssigneeId, dossier.MainTask.AssigneeName));
    }

    [Fact]
    public void Refusal_at_reception_records_the_reason_for_form_03()
    {
        var dossier = Submitted(At(9, 8));

        dossier.Refuse("Không thuộc thẩm quyền của phường", Officer, At(9, 9));

        Assert.Equal((DossierStatus.Refused, At(9, 9)), (dossier.Status, dossier.RefusedAt));
        Assert.Equal("Không thuộc thẩm quyền của phường", dossier.Events[^1].Reason);
        Assert.Null(dossier.OutcomeClass); // never accepted, so no due date to judge against
        Assert.Equal(DossierErrors.ReasonRequired, Refused(() => Submitted(At(9, 8)).Refuse("", Officer, At(9, 9))).Code);
    }

    private static void Act(Dossier dossier, StepAction action)
    {
        switch (action)
        {
            case StepAction.Approve: dossier.Approve(Context, Leader, At(9, 10)); break;
            case StepAction.IssueResult: dossier.IssueResult(Context, [], Officer, At(9, 10)); break;
            case StepAction.SendBack: dossier.SendBack(Context, "Lý do", Leader, At(9, 10)); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }
}
