using MotCua.Domain.Dossiers;
using static MotCua.Domain.Tests.Dossiers.DossierTestKit;

namespace MotCua.Domain.Tests.Dossiers;

public class SupplementTests
{
    private static readonly string[] Items = ["Bản sao sổ hộ khẩu"];

    [Fact]
    public void One_round_moves_the_due_dates_by_exactly_the_waiting_working_time()
    {
        var dossier = Accepted(At(9, 9));
        var stepDue = dossier.MainTask!.StepDueAt!.Value;

        dossier.RequestSupplement(Context, "Thiếu giấy tờ", Items, Specialist, At(9, 10));
        Assert.Equal(DossierStatus.SupplementRequested, dossier.Status);
        // The clock stands still while waiting: days later the dossier is not overdue.
        Assert.False(dossier.IsOverdue(At(20, 9)));

        dossier.AnswerSupplement(WorkCalendar, Citizen, At(11, 10));

        // Monday 10:00 to Wednesday 10:00 is two working days (960 minutes).
        var round = Assert.Single(dossier.SupplementRounds);
        Assert.Equal(960m, round.PausedWorkingMinutes);
        Assert.Equal(DossierStatus.Processing, dossier.Status);
        Assert.Equal(At(16, 9), dossier.DueAt); // the original stays for the KPI
        Assert.Equal(At(18, 9), dossier.DueAtAdjusted);
        Assert.Equal(At(18, 9), dossier.AppointmentAt);
        Assert.Equal(WorkCalendar.AddWorkingMinutes(stepDue, 960), dossier.MainTask!.StepDueAt);

        FinishAt(dossier, At(18, 8, 30)); // after the original due date, before the moved one
        Assert.Equal(OutcomeClass.OnTime, dossier.OutcomeClass);
    }

    [Fact]
    public void Two_rounds_during_processing_count_as_late()
    {
        var dossier = Accepted(At(9, 9));
        dossier.RequestSupplement(Context, "Thiếu giấy tờ", Items, Specialist, At(9, 10));
        dossier.AnswerSupplement(WorkCalendar, Citizen, At(9, 11));
        dossier.RequestSupplement(Context, "Giấy tờ chưa rõ", Items, Specialist, At(9, 14));
        dossier.AnswerSupplement(WorkCalendar, Citizen, At(9, 15));

        FinishAt(dossier, At(10, 9)); // long before the due date

        Assert.Equal(2, dossier.SupplementRounds.Count);
        Assert.Equal(OutcomeClass.Late, dossier.OutcomeClass);
    }

    [Fact]
    public void A_round_at_reception_returns_to_new_and_does_not_count()
    {
        var dossier = Submitted(At(9, 8));

        dossier.RequestSupplement(Context, "Thiếu tờ khai", Items, Officer, At(9, 9));
        dossier.AnswerSupplement(WorkCalendar, Citizen, At(10, 9), answers: """{"purpose":"mua nhà"}""");

        Assert.Equal(DossierStatus.New, dossier.Status);
        Assert.Equal("""{"purpose":"mua nhà"}""", dossier.Answers);
        Assert.Null(dossier.DueAt);
        Assert.False(Assert.Single(dossier.SupplementRounds).DuringProcessing);

        dossier.Accept(DossierCode.Create(Agency, At(10, 10), 1), Deadline(At(10, 10)), Context, Officer, At(10, 10));
        FinishAt(dossier, At(11, 9));
        Assert.Equal(OutcomeClass.Early, dossier.OutcomeClass);
    }

    [Fact]
    public void Nothing_moves_while_waiting_for_the_applicant()
    {
        var dossier = Accepted(At(9, 9));
        dossier.RequestSupplement(Context, "Thiếu giấy tờ", Items, Specialist, At(9, 10));

        var error = Refused(() => dossier.Forward(Context, Specialist, At(9, 11)));

        Assert.Equal(DossierErrors.WrongStatus, error.Code);
        Assert.Equal(DossierErrors.WrongStatus, Refused(() => dossier.RequestSupplement(Context, "Lần nữa", Items, Specialist, At(9, 11))).Code);
    }

    [Fact]
    public void A_supplement_needs_a_reason()
    {
        var dossier = Accepted(At(9, 9));

        Assert.Equal(DossierErrors.ReasonRequired, Refused(() => dossier.RequestSupplement(Context, " ", Items, Specialist, At(9, 10))).Code);
    }

    /// <summary>Runs the rest of the workflow from "examine" and issues the result at <paramref name="at"/>.</summary>
    internal static void FinishAt(Dossier dossier, DateTimeOffset at)
    {
        dossier.Forward(Context, Specialist, at.AddMinutes(-3));
        dossier.Forward(Context, Specialist, at.AddMinutes(-2));
        dossier.Approve(Context, Leader, at.AddMinutes(-1));
        dossier.IssueResult(Context, [], Officer, at);
    }
}
