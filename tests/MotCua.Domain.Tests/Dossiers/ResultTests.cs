using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using static MotCua.Domain.Tests.Dossiers.DossierTestKit;

namespace MotCua.Domain.Tests.Dossiers;

public class ResultTests
{
    [Fact]
    public void The_applicant_may_withdraw_before_the_result()
    {
        var dossier = Accepted(At(9, 9));
        dossier.Consult(Context, Department, "Ý kiến?", At(10, 17), Specialist, At(9, 10));

        dossier.Withdraw("Không còn nhu cầu", Citizen, At(10, 9));

        Assert.Equal((DossierStatus.Withdrawn, At(10, 9)), (dossier.Status, dossier.WithdrawnAt));
        Assert.All(dossier.Tasks, t => Assert.False(t.IsOpen));
        Assert.Null(dossier.OutcomeClass); // a withdrawn dossier is not judged
    }

    [Fact]
    public void Withdrawal_after_the_result_is_refused()
    {
        var dossier = Accepted(At(9, 9));
        SupplementTests.FinishAt(dossier, At(10, 9));

        var error = Refused(() => dossier.Withdraw("Không còn nhu cầu", Citizen, At(10, 10)));

        Assert.Equal(DossierErrors.WithdrawalNotAllowed, error.Code);
        Assert.Equal(DossierStatus.Processed, dossier.Status);
        Assert.False(WithdrawalRule.Allows(DossierStatus.ResultReturned));
        Assert.True(WithdrawalRule.Allows(DossierStatus.New));
    }

    [Fact]
    public void A_late_step_shows_before_the_dossier_is_late_and_prompts_the_apology()
    {
        var dossier = Accepted(At(9, 9)); // "examine" due Tuesday 14:00, dossier due next Monday 09:00

        Assert.False(dossier.WillBeLate(At(10, 13)));
        Assert.True(dossier.StepOverdue(At(10, 15)));
        Assert.False(dossier.IsOverdue(At(10, 15)));
        Assert.True(dossier.WillBeLate(At(10, 15)));
        Assert.True(dossier.IsOverdue(At(16, 10)));
    }

    [Fact]
    public void The_step_prediction_adds_the_later_steps_shares_to_the_current_step()
    {
        var dossier = Accepted(At(9, 9)); // "examine" due Tuesday 14:00; verify, approve, result take 60% (three days)

        Assert.Equal(At(13, 14), dossier.PredictedFinish(Context, At(10, 9)));
        Assert.False(dossier.WillBeLate(Context, At(10, 15)));
        // Still examining on Thursday: three more days end Tuesday, after Monday's due date.
        Assert.Equal(At(17, 9), dossier.PredictedFinish(Context, At(12, 9)));
        Assert.True(dossier.WillBeLate(Context, At(12, 9)));
        Assert.False(dossier.IsOverdue(At(12, 9)));
    }

    [Fact]
    public void The_apology_moves_the_appointment_and_keeps_the_due_date()
    {
        var dossier = Accepted(At(9, 9));

        dossier.IssueApology("Chờ kết quả xác minh của Sở", At(18, 17), Specialist, At(11, 9));

        Assert.Equal(At(18, 17), dossier.AppointmentAt);
        Assert.Equal(At(16, 9), dossier.DueAt);
        Assert.Equal(At(16, 9), dossier.DueAtAdjusted);
        var slip = Assert.Single(dossier.ApologySlips);
        Assert.Equal((At(16, 9), At(18, 17), Specialist.Name), (slip.OldAppointment, slip.NewAppointment, slip.IssuedBy));
        Assert.Contains("Chờ kết quả xác minh của Sở", dossier.PublicHistory()[^1].Text, StringComparison.Ordinal);

        // Finishing after the original due date is late for the KPI, whatever the apology promised.
        SupplementTests.FinishAt(dossier, At(17, 9));
        Assert.Equal(OutcomeClass.Late, dossier.OutcomeClass);
    }

    [Fact]
    public void An_apology_must_move_the_appointment_later_and_come_in_time()
    {
        var dossier = Accepted(At(9, 9));
        Assert.Equal(DossierErrors.ApologyNotAllowed, Refused(() => dossier.IssueApology("Chậm", At(13, 17), Specialist, At(10, 9))).Code);

        SupplementTests.FinishAt(dossier, At(17, 9));
        // Finished and no longer running late, with the appointment already passed: too late to apologise.
        Assert.Equal(DossierErrors.ApologyNotAllowed, Refused(() => dossier.IssueApology("Chậm", At(20, 17), Officer, At(17, 10))).Code);
    }

    [Fact]
    public void Rating_only_after_the_return_once_from_1_to_5()
    {
        var dossier = Accepted(At(9, 9));
        SupplementTests.FinishAt(dossier, At(10, 9));
        Assert.Equal(DossierErrors.RatingNotAllowed, Refused(() => dossier.Rate(5, null, Citizen, At(10, 10))).Code);

        dossier.ReturnResult(Channel.Counter, Officer, At(10, 10));
        Assert.Equal(DossierErrors.RatingNotAllowed, Refused(() => dossier.Rate(6, null, Citizen, At(10, 11))).Code);
        dossier.Rate(4, "  ", Citizen, At(10, 11));

        Assert.Equal(new Rating(4, null, At(10, 11)), dossier.Rating);
        Assert.Equal(Channel.Counter, dossier.ReturnChannel);
        Assert.Equal(DossierErrors.RatingNotAllowed, Refused(() => dossier.Rate(5, null, Citizen, At(10, 12))).Code);
    }

    [Theory]
    [InlineData(15, 9, OutcomeClass.Early)]
    [InlineData(16, 8, OutcomeClass.OnTime)]
    [InlineData(16, 9, OutcomeClass.OnTime)]
    [InlineData(16, 10, OutcomeClass.Late)]
    public void On_time_rule_judges_the_end_against_the_due_date(int day, int hour, OutcomeClass expected)
    {
        Assert.Equal(expected, OnTimeRule.Judge(At(day, hour), At(16, 9), supplementRequestsDuringProcessing: 1));
    }
}
