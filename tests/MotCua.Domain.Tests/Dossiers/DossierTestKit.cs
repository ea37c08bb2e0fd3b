using MotCua.Domain.Calendar;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Organization;

namespace MotCua.Domain.Tests.Dossiers;

/// <summary>
/// A small procedure for the dossier tests: five working days, a reception step and four processing
/// steps across two units, with the actions each step allows.
/// </summary>
internal static class DossierTestKit
{
    public const string Agency = "000.00.01.H22";
    public static readonly Guid Ward = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    public static readonly Guid Department = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    public static readonly Guid City = Guid.Parse("00000000-0000-0000-0000-00000000000c");

    public static readonly WorkingCalendar WorkCalendar = WorkingCalendar.Default;
    public static readonly Actor Citizen = Actor.Applicant("Nguyễn Văn An", "citizen-1");
    public static readonly Actor Officer = Actor.Staff("officer-1", "Trần Thị Bình");
    public static readonly Actor Specialist = Actor.Staff("specialist-1", "Lê Văn Cường");
    public static readonly Actor Leader = Actor.Staff("leader-1", "Phạm Thị Dung");

    private static StepTransition T(StepAction action, string? to = null) => new() { Action = action, To = to };

    public static readonly WorkflowDefinition Workflow = new()
    {
        Steps =
        [
            new WorkflowStep
            {
                Key = "receive", Name = "Tiếp nhận", Share = 0.1m,
                Performer = new StepPerformer { Role = StaffRole.CounterOfficer },
                Transitions = [T(StepAction.Forward, "examine")],
            },
            new WorkflowStep
            {
                Key = "examine", Name = "Thẩm định", Share = 0.3m,
                Performer = new StepPerformer { Role = StaffRole.Specialist },
                Transitions =
                [
                    T(StepAction.Forward, "verify"), T(StepAction.Consult), T(StepAction.Transfer),
                    T(StepAction.RequestSupplement), T(StepAction.RequestPayment), T(StepAction.Stop),
                ],
            },
            new WorkflowStep
            {
                Key = "verify", Name = "Kiểm tra liên thông", Share = 0.2m,
                Performer = new StepPerformer { Unit = UnitSelector.FieldDepartment, Role = StaffRole.Specialist },
                Transitions = [T(StepAction.Forward, "approve"), T(StepAction.SendBack, "examine")],
            },
            new WorkflowStep
            {
                Key = "approve", Name = "Phê duyệt", Share = 0.2m,
                Performer = new StepPerformer { Role = StaffRole.Leader },
                Transitions = [T(StepAction.Approve, "result"), T(StepAction.Reject, "result"), T(StepAction.SendBack, "examine")],
            },
            new WorkflowStep
            {
                Key = "result", Name = "Trả kết quả", Share = 0.2m,
                Performer = new StepPerformer { Role = StaffRole.CounterOfficer },
                Transitions = [T(StepAction.IssueResult)],
            },
        ],
    };

    public static readonly ProcessingContext Context = new(Workflow, ResolveUnit, WorkCalendar);

    private static Guid ResolveUnit(StepPerformer performer) => performer.Unit switch
    {
        UnitSelector.FieldDepartment => Department,
        UnitSelector.ParentOfKind => City,
        _ => Ward,
    };

    /// <summary>A Vietnam wall-clock time; Monday 9 March 2026 starts an ordinary working week.</summary>
    public static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 3, day, hour, minute, 0, TimeSpan.FromHours(7));

    public static readonly Applicant Owner = new()
    {
        Kind = ApplicantKind.Citizen,
        FullName = "Nguyễn Văn An",
        IdNumber = "001089012345",
        Phone = "0912345678",
        Email = "an@example.vn",
        Address = "12 Hàng Bạc, Hoàn Kiếm, Hà Nội",
    };

    public static DossierFiling Filing(Applicant? filedBy = null) => new()
    {
        ProcedureCode = "1.001193",
        ProcedureVersionId = Guid.Parse("00000000-0000-0000-0000-000000000101"),
        ReceivingUnitId = Ward,
        Owner = Owner,
        FiledBy = filedBy,
        Answers = """{"purpose":"vay vốn"}""",
        Attachments = [new Attachment("to-khai", Guid.NewGuid(), "to-khai.pdf", "application/pdf", 12_345, new string('a', 64))],
    };

    public static Dossier Submitted(DateTimeOffset at) => Dossier.SubmitOnline(Guid.NewGuid(), "WEB-0001", Filing(), Citizen, at);

    public static DeadlineResult Deadline(DateTimeOffset receivedAt) => WorkCalendar.DueDate(receivedAt, 5, TimeUnit.WorkingDays);

    /// <summary>Submitted and accepted at <paramref name="at"/>: processing at the "examine" step.</summary>
    public static Dossier Accepted(DateTimeOffset at, int sequence = 12)
    {
        var dossier = Submitted(at);
        dossier.Accept(DossierCode.Create(Agency, at, sequence), Deadline(at), Context, Officer, at);
        return dossier;
    }

    public static DossierRuleException Refused(Action action) => Assert.Throws<DossierRuleException>(action);
}
