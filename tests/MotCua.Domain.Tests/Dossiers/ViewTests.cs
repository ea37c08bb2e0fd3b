using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using static MotCua.Domain.Tests.Dossiers.DossierTestKit;

namespace MotCua.Domain.Tests.Dossiers;

public class ViewTests
{
    private static Dossier ProcessedWithConsultation()
    {
        var dossier = Submitted(At(9, 8));
        dossier.Accept(DossierCode.Create(Agency, At(9, 9), 12), Deadline(At(9, 9)), Context, Officer, At(9, 9));
        dossier.Claim(Specialist, At(9, 9, 30));
        var consultation = dossier.Consult(Context, City, "Ý kiến?", At(9, 17), Specialist, At(9, 9, 40));
        dossier.AnswerConsultation(consultation, "Đồng ý", Actor.Staff("city-1", "Đỗ Văn Em"), At(9, 9, 50));
        dossier.Forward(Context, Specialist, At(9, 10));      // to "verify" at the department: due Tuesday 10:00
        dossier.Forward(Context, Specialist, At(11, 9));      // verify finished late
        dossier.Approve(Context, Leader, At(11, 10));
        dossier.IssueResult(Context, [], Officer, At(11, 11));
        dossier.ReturnResult(Channel.Online, Officer, At(11, 12));
        return dossier;
    }

    [Fact]
    public void Public_history_shows_status_changes_and_hides_internal_work()
    {
        var history = ProcessedWithConsultation().PublicHistory();

        Assert.Equal(
            [DossierStatus.New, DossierStatus.Accepted, DossierStatus.Processing, DossierStatus.Processed, DossierStatus.ResultReturned],
            history.Select(h => h.Status));
        Assert.Equal("Đã trả kết quả", history[^1].StatusName);
        Assert.Contains("000.00.01.H22-260309-0012", history[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(history, h => h.Text.Contains("Ý kiến", StringComparison.Ordinal));
    }

    [Fact]
    public void Staff_see_every_event_with_who_and_why()
    {
        var dossier = ProcessedWithConsultation();

        Assert.Contains(dossier.Events, e => e.Type == DossierEventType.ConsultationRequested && e.ActorName == Specialist.Name && e.PublicText is null);
        Assert.Contains(dossier.Events, e => e.Type == DossierEventType.TaskClaimed && e.PublicText is null);
        Assert.All(dossier.Events.Skip(1), e => Assert.NotNull(e.FromStatus));
    }

    [Fact]
    public void The_control_slip_lists_every_hand_over_with_step_due_times()
    {
        var slip = ProcessedWithConsultation().ProcessingControlSlip();

        Assert.Equal(
            [
                DossierEventType.ProcessingStarted, DossierEventType.TaskClaimed, DossierEventType.ConsultationRequested,
                DossierEventType.ConsultationAnswered, DossierEventType.Forwarded, DossierEventType.Forwarded, DossierEventType.Forwarded,
            ],
            slip.Select(s => s.Type));
        Assert.All(slip, s => Assert.NotNull(s.ToStepDueAt));

        var toVerify = slip[4];
        Assert.Equal(("examine", Ward, Specialist.Name, "verify", Department), (toVerify.FromStepKey, toVerify.FromUnitId, toVerify.FromPerson, toVerify.ToStepKey, toVerify.ToUnitId));
        Assert.Equal(At(10, 10), toVerify.ToStepDueAt);
        Assert.False(toVerify.FromStepLate);

        var fromVerify = slip[5];
        Assert.Equal(("verify", Department, "approve"), (fromVerify.FromStepKey, fromVerify.FromUnitId, fromVerify.ToStepKey));
        Assert.True(fromVerify.FromStepLate);
        Assert.Equal((City, Ward), (slip[3].FromUnitId, slip[3].ToUnitId));
    }
}
