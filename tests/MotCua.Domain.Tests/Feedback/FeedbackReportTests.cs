using MotCua.Domain.Feedback;

namespace MotCua.Domain.Tests.Feedback;

public sealed class FeedbackReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly Guid Ward = Guid.NewGuid();
    private static readonly Guid OtherWard = Guid.NewGuid();
    private static readonly GeoPoint HoanKiemLake = new(21.0285, 105.8522);

    internal static readonly FeedbackCategory Lighting = new()
    {
        Code = "den-chieu-sang",
        Name = "Đèn chiếu sáng công cộng hỏng",
        TimeLimitWorkingDays = 5,
        Responsibility = Responsibility.Local,
        Questions =
        [
            new CategoryQuestion { Code = "so-cot", Description = "Số hiệu cột đèn", Type = QuestionType.String, Order = 2 },
            new CategoryQuestion
            {
                Code = "tinh-trang", Description = "Tình trạng", Type = QuestionType.SingleValueList, Required = true, Order = 1,
                Choices = [new("tat", "Đèn tắt"), new("chap-chon", "Đèn chập chờn")],
            },
            new CategoryQuestion { Code = "so-bong", Description = "Số bóng hỏng", Type = QuestionType.Number, Order = 3 },
        ],
    };

    private static readonly Reporter Citizen = new() { CitizenId = "001089012345", Name = "Nguyễn Văn An" };

    private static Dictionary<string, IReadOnlyList<string>> Answers(params (string Code, string Value)[] pairs) =>
        pairs.GroupBy(p => p.Code).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => p.Value).ToList());

    private static FeedbackReport Report(Reporter? reporter = null) => FeedbackReport.Receive(
        Guid.NewGuid(), "PA-1", Lighting, HoanKiemLake, null, Ward, Ward, "Đèn đường trước số 5 Đinh Tiên Hoàng tắt ba đêm nay.",
        Answers(("tinh-trang", "tat")), [Guid.NewGuid()], reporter ?? Citizen, Now, Now.AddDays(7));

    [Fact]
    public void A_report_is_received_new_at_its_unit_with_its_due_date_and_a_public_event()
    {
        var r = Report();
        Assert.Equal(FeedbackStatus.New, r.Status);
        Assert.Equal(Ward, r.HandlingUnitId);
        Assert.Equal(Now.AddDays(7), r.DueAt);
        var e = Assert.Single(r.Events);
        Assert.Equal(FeedbackEventType.Received, e.Type);
        Assert.NotNull(e.PublicText);
        Assert.Equal("open", r.Status.Open311());
    }

    [Fact]
    public void A_report_needs_a_place_a_description_and_valid_answers()
    {
        Assert.Throws<FeedbackRuleException>(() => FeedbackReport.Receive(Guid.NewGuid(), "PA-2", Lighting, null, " ", null, Ward, "Mô tả",
            Answers(("tinh-trang", "tat")), [], null, Now, Now));
        Assert.Throws<FeedbackRuleException>(() => FeedbackReport.Receive(Guid.NewGuid(), "PA-2", Lighting, new GeoPoint(91, 0), null, null, Ward, "Mô tả",
            Answers(("tinh-trang", "tat")), [], null, Now, Now));
        Assert.Throws<FeedbackRuleException>(() => FeedbackReport.Receive(Guid.NewGuid(), "PA-2", Lighting, HoanKiemLake, null, null, Ward, "  ",
            Answers(("tinh-trang", "tat")), [], null, Now, Now));
        Assert.Throws<FeedbackRuleException>(() => FeedbackReport.Receive(Guid.NewGuid(), "PA-2", Lighting, HoanKiemLake, null, null, Ward, "Mô tả",
            Answers(), [], null, Now, Now));
    }

    [Fact]
    public void Answers_are_checked_against_each_question()
    {
        Assert.Empty(CategoryAnswers.Problems(Lighting, Answers(("tinh-trang", "tat"), ("so-bong", "3"), ("so-cot", "HK-12"))));
        var problems = CategoryAnswers.Problems(Lighting, Answers(("tinh-trang", "vo"), ("so-bong", "ba"), ("khac", "x")));
        Assert.Equal(["khac", "tinh-trang", "so-bong"], problems.Select(p => p.Code));
        Assert.Equal("tinh-trang", Assert.Single(CategoryAnswers.Problems(Lighting, Answers(("tinh-trang", "tat"), ("tinh-trang", "chap-chon")))).Code);
        Assert.Equal("tinh-trang", Assert.Single(CategoryAnswers.Problems(Lighting, Answers())).Code);
    }

    [Fact]
    public void Resolving_needs_an_answer_that_says_what_was_done_and_a_photo_of_the_result()
    {
        var r = Report();
        r.Acknowledge("staff-1", "Lê Văn Bình", Now.AddHours(1));
        r.Start("staff-1", "Lê Văn Bình", Now.AddHours(2));
        Assert.Equal(FeedbackErrors.AnswerRequired, Assert.Throws<FeedbackRuleException>(() => r.Resolve("Đã xong.", [Guid.NewGuid()], "staff-1", "Bình", Now)).Code);
        Assert.Equal(FeedbackErrors.PhotoRequired, Assert.Throws<FeedbackRuleException>(() =>
            r.Resolve("Đã thay bóng đèn cột HK-12 lúc 15 giờ.", [], "staff-1", "Bình", Now)).Code);
        Assert.Equal(FeedbackStatus.InProgress, r.Status);

        r.Resolve("Đã thay bóng đèn cột HK-12 lúc 15 giờ.", [Guid.NewGuid()], "staff-1", "Lê Văn Bình", Now.AddDays(1));
        Assert.Equal(FeedbackStatus.Resolved, r.Status);
        Assert.Equal("closed", r.Status.Open311());
        Assert.Single(r.Responses);
        Assert.True(r.AnsweredOnTime);
        Assert.Throws<FeedbackRuleException>(() => r.Reject("muộn", "staff-1", "Bình", Now));
    }

    [Fact]
    public void Not_our_responsibility_sends_it_on_with_the_reason_and_both_units_on_record()
    {
        var r = Report();
        r.Acknowledge("staff-1", "Bình", Now);
        Assert.Throws<FeedbackRuleException>(() => r.Reroute(OtherWard, " ", "staff-1", "Bình", Now));
        Assert.Throws<FeedbackRuleException>(() => r.Reroute(Ward, "cùng đơn vị", "staff-1", "Bình", Now));
        r.Reroute(OtherWard, "Cột đèn thuộc phường bên cạnh", "staff-1", "Bình", Now.AddHours(3));
        Assert.Equal(OtherWard, r.HandlingUnitId);
        Assert.Equal(FeedbackStatus.New, r.Status);
        var hop = r.Events[^1];
        Assert.Equal((Ward, OtherWard), (hop.FromUnitId!.Value, hop.ToUnitId!.Value));
        Assert.Equal("Cột đèn thuộc phường bên cạnh", hop.Reason);
        Assert.Equal(Now.AddDays(7), r.DueAt);
    }

    [Fact]
    public void A_duplicate_points_to_the_first_report()
    {
        var first = Report();
        var second = Report(new Reporter { CitizenId = "001192034567", Name = "Trần Thị Bích" });
        second.MarkDuplicateOf(first, "staff-1", "Bình", Now);
        Assert.Equal(FeedbackStatus.Duplicate, second.Status);
        Assert.Equal(first.Id, second.DuplicateOfId);
        Assert.Throws<FeedbackRuleException>(() => first.MarkDuplicateOf(first, "staff-1", "Bình", Now));
    }

    [Fact]
    public void Only_the_reporter_rates_and_reopens_and_only_within_the_window()
    {
        var r = Report();
        r.Resolve("Đã thay bóng đèn cột HK-12 lúc 15 giờ.", [Guid.NewGuid()], "staff-1", "Bình", Now.AddDays(1));
        Assert.Equal(FeedbackErrors.NotReporter, Assert.Throws<FeedbackRuleException>(() => r.Rate("001192034567", 5, null, Now)).Code);
        Assert.Equal(FeedbackErrors.BadRating, Assert.Throws<FeedbackRuleException>(() => r.Rate(Citizen.CitizenId!, 6, null, Now)).Code);
        r.Rate(Citizen.CitizenId!, 2, "Đèn lại tắt", Now.AddDays(2));
        Assert.Equal(2, r.Rating!.Score);

        Assert.Equal(FeedbackErrors.ReopenWindowPassed, Assert.Throws<FeedbackRuleException>(() =>
            r.Reopen(Citizen.CitizenId!, "Lại tắt", TimeSpan.FromDays(7), Now.AddDays(9), Now.AddDays(20))).Code);
        r.Reopen(Citizen.CitizenId!, "Lại tắt", TimeSpan.FromDays(7), Now.AddDays(3), Now.AddDays(10));
        Assert.Equal(FeedbackStatus.InProgress, r.Status);
        Assert.Equal(1, r.ReopenCount);
        Assert.Null(r.Rating);
        Assert.Equal(Now.AddDays(10), r.DueAt);
        Assert.Equal(Now.AddDays(7), r.OriginalDueAt);

        var anonymous = FeedbackReport.Receive(Guid.NewGuid(), "PA-3", Lighting, HoanKiemLake, null, Ward, Ward, "Đèn tắt",
            Answers(("tinh-trang", "tat")), [], null, Now, Now.AddDays(7));
        anonymous.Reject("Đã được xử lý trước đó", "staff-1", "Bình", Now);
        Assert.Throws<FeedbackRuleException>(() => anonymous.Rate("anonymous", 5, null, Now));
    }

    [Fact]
    public void An_overdue_open_report_is_escalated_once_per_round()
    {
        var r = Report();
        Assert.False(r.EscalateIfOverdue(Now.AddDays(6)));
        Assert.True(r.EscalateIfOverdue(Now.AddDays(8)));
        Assert.False(r.EscalateIfOverdue(Now.AddDays(9)));
        r.Reroute(OtherWard, "Thuộc phường khác", "staff-1", "Bình", Now.AddDays(9));
        Assert.True(r.EscalateIfOverdue(Now.AddDays(9)));
    }

    [Fact]
    public void An_open_report_is_reminded_once_per_due_date_and_never_closed_or_late()
    {
        var r = Report();
        var version = r.Version;
        Assert.True(r.RemindBeforeDue(Now.AddDays(6)));
        Assert.Equal(r.DueAt, r.RemindedFor);
        Assert.Equal(version + 1, r.Version);
        Assert.Null(r.Events[^1].PublicText);
        Assert.False(r.RemindBeforeDue(Now.AddDays(6)));
        Assert.False(Report().RemindBeforeDue(Report().DueAt.AddMinutes(1)));
        var closed = Report();
        closed.Reject("Không thuộc thẩm quyền xử lý.", "staff-1", "Bình", Now);
        Assert.False(closed.RemindBeforeDue(Now.AddDays(6)));
    }

    [Fact]
    public void Moderation_changes_what_the_public_sees_not_the_original()
    {
        var r = Report();
        r.Moderate("Đèn đường trước một số nhà trên phố Đinh Tiên Hoàng tắt.", hidden: false, "mod-1", "Kiểm duyệt", Now);
        Assert.Equal("Đèn đường trước một số nhà trên phố Đinh Tiên Hoàng tắt.", r.PublicDescription);
        Assert.Contains("số 5", r.Description, StringComparison.Ordinal);
        r.Moderate(null, hidden: true, "mod-1", "Kiểm duyệt", Now);
        Assert.True(r.Hidden);
        Assert.Equal(r.Description, r.PublicDescription);
    }
}
