using System.Text.Json.Nodes;
using MotCua.Domain.Catalog;
using MotCua.Domain.Organization;

namespace MotCua.Domain.Tests.Catalog;

/// <summary>
/// A small definition that passes every rule, so that each test breaks exactly one thing and can
/// expect exactly one error at one path.
/// </summary>
internal static class ValidProcedure
{
    public static ProcedureDefinition Create() => new()
    {
        NationalCode = "1.001193",
        Name = "Thủ tục đăng ký khai sinh",
        Field = "Hộ tịch",
        Levels = [ImplementingLevel.Commune],
        UnitKinds = ["ward", "commune"],
        Applicants = [ApplicantKind.Citizen],
        Documents =
        [
            new() { Key = "giay-chung-sinh", Name = "Giấy chứng sinh", Originals = 1 },
            new() { Key = "van-ban-uy-quyen", Name = "Văn bản ủy quyền", Originals = 1, Mandatory = false },
        ],
        Form = Form(),
        ProcessingTime = new() { Value = 1 },
        Fees =
        [
            new() { Name = "Lệ phí đăng ký khai sinh", Amount = 0 },
            new() { Name = "Phí cấp bản sao trích lục", Kind = FeeKind.PerCopy, Amount = 8000, Field = "soBanSao" },
            new()
            {
                Name = "Lệ phí theo đối tượng",
                Kind = FeeKind.Table,
                Field = "doiTuong",
                Table = [new() { Value = "thuong", Amount = 5000 }, new() { Value = "mien", Amount = 0 }],
            },
        ],
        Results = [new() { Name = "Giấy khai sinh" }],
        OnlineLevel = new() { Level = 4, FullProcess = true },
        ReceiveChannels = [Channel.Counter, Channel.Online, Channel.Post],
        ReturnChannels = [Channel.Counter, Channel.Online, Channel.Post],
        LegalBasis = [new() { Number = "60/2014/QH13", Title = "Luật Hộ tịch" }],
        Workflow = Workflow(),
    };

    public static FormDefinition Form() => new()
    {
        Schema = new JsonObject
        {
            ["type"] = "object",
            ["title"] = "Tờ khai đăng ký khai sinh",
            ["properties"] = new JsonObject
            {
                ["hoTen"] = new JsonObject { ["type"] = "string", ["title"] = "Họ, chữ đệm, tên" },
                ["ngaySinh"] = new JsonObject { ["type"] = "string", ["format"] = "date" },
                ["soBanSao"] = new JsonObject { ["type"] = "integer", ["minimum"] = 0 },
                ["doiTuong"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("thuong", "mien") },
            },
            ["required"] = new JsonArray("hoTen", "ngaySinh"),
        },
        Steps =
        [
            new() { Title = "Người được khai sinh", Fields = ["hoTen", "ngaySinh"] },
            new() { Title = "Bản sao và lệ phí", Fields = ["soBanSao", "doiTuong"] },
        ],
    };

    /// <summary>receive → examine → approve → result, as a commune registers civil status.</summary>
    public static WorkflowDefinition Workflow() => new()
    {
        Steps =
        [
            Step("receive", StaffRole.CounterOfficer, 0.1m,
                (StepAction.Forward, "examine"), (StepAction.RequestSupplement, "receive"), (StepAction.Reject, null)),
            Step("examine", StaffRole.Specialist, 0.5m,
                (StepAction.Forward, "approve"), (StepAction.SendBack, "receive"), (StepAction.Stop, null)),
            Step("approve", StaffRole.Leader, 0.3m,
                (StepAction.Approve, "result"), (StepAction.SendBack, "examine"), (StepAction.Reject, "result")),
            Step("result", StaffRole.CounterOfficer, 0.1m, (StepAction.IssueResult, null)),
        ],
    };

    public static WorkflowStep Step(
        string key, StaffRole role, decimal share, params (StepAction Action, string? To)[] transitions) => new()
    {
        Key = key,
        Name = key,
        Performer = new() { Unit = UnitSelector.Receiving, Role = role },
        Share = share,
        Transitions = [.. transitions.Select(t => new StepTransition { Action = t.Action, To = t.To })],
    };

    /// <summary>Replaces the step at <paramref name="index"/>, keeping the others.</summary>
    public static ProcedureDefinition WithStep(this ProcedureDefinition d, int index, WorkflowStep step) =>
        d with { Workflow = new() { Steps = [.. d.Workflow!.Steps.Select((s, i) => i == index ? step : s)] } };

    public static ProcedureDefinition WithSteps(this ProcedureDefinition d, params WorkflowStep[] steps) =>
        d with { Workflow = new() { Steps = steps } };

    public static void AssertSingleError(IReadOnlyList<ValidationError> errors, string path)
    {
        var error = Assert.Single(errors);
        Assert.Equal(path, error.Path);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }
}
