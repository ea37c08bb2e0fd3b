using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using static MotCua.Domain.Tests.Dossiers.DossierTestKit;

namespace MotCua.Domain.Tests.Dossiers;

public class HappyPathTests
{
    [Fact]
    public void Online_dossier_goes_from_submission_to_rating()
    {
        var dossier = Submitted(At(9, 8, 30));
        Assert.Equal(DossierStatus.New, dossier.Status);
        Assert.Null(dossier.Code);
        Assert.Equal(Channel.Online, dossier.Channel);
        Assert.Equal(Owner, dossier.FiledBy);

        var received = At(9, 9);
        var deadline = Deadline(received);
        dossier.Accept(DossierCode.Create(Agency, received, 12), deadline, Context, Officer, received);
        Assert.Equal("000.00.01.H22-260309-0012", dossier.Code);
        Assert.Equal(At(16, 9), dossier.DueAt); // five working days, the weekend skipped
        Assert.Equal(dossier.DueAt, dossier.AppointmentAt);
        Assert.Equal(2400m, dossier.LegalWorkingMinutes);
        Assert.Equal(DossierStatus.Processing, dossier.Status);
        var examine = Assert.Single(dossier.Tasks);
        Assert.Equal(("examine", Ward), (examine.StepKey, examine.UnitId));
        // 30% of 2,400 working minutes from Monday 09:00 ends Tuesday 14:00.
        Assert.Equal(At(10, 14), examine.StepDueAt);

        dossier.Claim(Specialist, At(9, 10));
        dossier.Forward(Context, Specialist, At(10, 11));
        Assert.Equal(("verify", Department), (dossier.MainTask!.StepKey, dossier.MainTask.UnitId));
        dossier.Forward(Context, Specialist, At(11, 9));
        Assert.Equal("approve", dossier.MainTask!.StepKey);
        dossier.Approve(Context, Leader, At(11, 15));
        Assert.Equal(Decision.Approved, dossier.Decision);
        Assert.Equal("result", dossier.MainTask!.StepKey);
        dossier.IssueResult(Context, [new ResultDocumentRef("Giấy xác nhận", Guid.NewGuid())], Officer, At(12, 10));
        Assert.Equal(DossierStatus.Processed, dossier.Status);
        Assert.Equal(At(12, 10), dossier.ProcessingFinishedAt);
        Assert.Null(dossier.MainTask);

        dossier.ReturnResult(Channel.Online, Officer, At(12, 11));
        dossier.Rate(5, "Nhanh gọn", Citizen, At(12, 20));

        Assert.Equal(DossierStatus.ResultReturned, dossier.Status);
        Assert.Equal(5, dossier.Rating!.Score);
        Assert.Equal(OutcomeClass.Early, dossier.OutcomeClass);
        Assert.Equal(
            [DossierStatus.New, DossierStatus.Accepted, DossierStatus.Processing, DossierStatus.Processed, DossierStatus.ResultReturned],
            dossier.Events.Select(e => e.ToStatus).Distinct());
        Assert.Equal(Enumerable.Range(1, dossier.Events.Count), dossier.Events.Select(e => e.Sequence));
    }

    [Fact]
    public void Every_applied_change_raises_the_version_by_one()
    {
        var dossier = Submitted(At(9, 8));
        Assert.Equal(1, dossier.Version);

        dossier.Accept(DossierCode.Create(Agency, At(9, 9), 1), Deadline(At(9, 9)), Context, Officer, At(9, 9));
        Assert.Equal(2, dossier.Version); // two events (2 then 4), one change

        dossier.Claim(Specialist, At(9, 10));
        Assert.Equal(3, dossier.Version);

        Refused(() => dossier.Claim(Leader, At(9, 11)));
        Assert.Equal(3, dossier.Version); // a refused action changes nothing
    }

    [Fact]
    public void A_stale_version_is_a_conflict()
    {
        var dossier = Accepted(At(9, 9));
        var read = dossier.Version;
        dossier.Claim(Specialist, At(9, 10));

        var error = Refused(() => dossier.EnsureVersion(read));

        Assert.Equal(DossierErrors.VersionConflict, error.Code);
        dossier.EnsureVersion(dossier.Version);
    }

    [Fact]
    public void Counter_receipt_is_accepted_at_once_with_its_code()
    {
        var at = At(9, 16); // after the 15:00 cut-off: counts from Tuesday morning
        var clerk = Owner with { FullName = "Nguyễn Thị Hoa", IdNumber = "001190000001" };
        var dossier = Dossier.Receive(Guid.NewGuid(), "Q-77", Filing(filedBy: clerk), Channel.Counter,
            DossierCode.Create(Agency, at, 3), Deadline(at), Context, Officer, at);

        Assert.Equal(DossierStatus.Processing, dossier.Status);
        Assert.Equal("000.00.01.H22-260309-0003", dossier.Code);
        Assert.Equal(At(10, 8), dossier.CountsFrom);
        Assert.Equal(At(16, 17), dossier.DueAt);
        Assert.Equal("Nguyễn Thị Hoa", dossier.FiledBy.FullName);
        Assert.Equal("Nguyễn Văn An", dossier.Owner.FullName);
        Assert.Equal([DossierEventType.Received, DossierEventType.ProcessingStarted], dossier.Events.Select(e => e.Type));
        Assert.Null(dossier.Events[0].FromStatus);
        Assert.Equal(1, dossier.Version);
    }

    [Fact]
    public void A_code_minted_for_another_day_is_refused()
    {
        var dossier = Submitted(At(9, 8));

        var error = Refused(() => dossier.Accept(DossierCode.Create(Agency, At(10, 9), 1), Deadline(At(9, 9)), Context, Officer, At(9, 9)));

        Assert.Equal(DossierErrors.CodeDayMismatch, error.Code);
        Assert.Equal(DossierStatus.New, dossier.Status);
    }

    [Fact]
    public void An_applicant_with_a_malformed_id_number_cannot_file()
    {
        var filing = Filing() with { Owner = Owner with { IdNumber = "12345" } };

        var error = Refused(() => Dossier.SubmitOnline(Guid.NewGuid(), "WEB-2", filing, Citizen, At(9, 8)));

        Assert.Equal(DossierErrors.ApplicantInvalid, error.Code);
    }

    [Fact]
    public void An_organisation_is_identified_by_its_tax_code()
    {
        var company = new Applicant { Kind = ApplicantKind.Organization, FullName = "Công ty TNHH Ánh Dương", IdNumber = "0101234567-001" };

        Assert.Empty(company.Problems());
        Assert.Equal(["IdNumber"], (company with { IdNumber = "001089012345" }).Problems());
    }
}
