using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Feedback;
using MotCua.Domain.Privacy;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Feedback.Photos;
using MotCua.Web.Features.Organization;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Feedback;

/// <summary>Reports received on the real database: routed by the pin and the category, numbered, timed, filed once per key.</summary>
public sealed class FeedbackFilingTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    internal static readonly GeoPoint HoanKiemLake = new(21.0285, 105.8522);
    private static readonly Reporter An = new() { CitizenId = "001089012345", Name = "Nguyễn Văn An", Phone = "0912345678" };

    internal static Dictionary<string, IReadOnlyList<string>> Answers(params (string Code, string Value)[] pairs) =>
        pairs.GroupBy(p => p.Code).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => p.Value).ToList());

    internal static FeedbackFiling Lighting(GeoPoint? pin = null, Reporter? reporter = null) => new(
        "chieu-sang", pin ?? HoanKiemLake, null, "Đèn đường ven hồ phía phố Đinh Tiên Hoàng tắt ba đêm nay.",
        Answers(("tinh-trang", "tat")), PhotoBatch.None, reporter);

    private Task<FeedbackReport> FileAsync(FeedbackFiling filing, string? key = null) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<FeedbackService>().FileAsync(filing, key, CancellationToken.None));

    private Task<string> UnitNameAsync(Guid id) =>
        factory.WithScopeAsync(async sp => (await sp.GetRequiredService<UnitDirectory>().TodayAsync()).Find(id)!.Name);

    [Fact]
    public async Task A_broken_light_at_Hoan_Kiem_Lake_goes_to_Hoan_Kiem_ward_with_five_working_days()
    {
        var report = await FileAsync(Lighting(reporter: An));

        Assert.Equal("Phường Hoàn Kiếm", await UnitNameAsync(report.HandlingUnitId));
        Assert.Equal(report.HandlingUnitId, report.LocatedUnitId);
        Assert.Matches(@"^PA-\d{6}-\d{5}$", report.Number);
        Assert.Equal(FeedbackStatus.New, report.Status);
        Assert.InRange((report.DueAt - report.ReceivedAt).TotalDays, 5, 12);

        var stored = await factory.WithDbAsync(db => db.Set<FeedbackReport>().AsNoTracking().SingleAsync(r => r.Id == report.Id));
        Assert.Equal(An, stored.Reporter);
        Assert.Equal(["tat"], stored.Answers["tinh-trang"]);
        Assert.Equal(HoanKiemLake, stored.Location);
        Assert.Single(stored.Events);
        var raw = await factory.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT \"ReporterCitizenId\" || ' ' || \"ReporterPhone\" FROM feedback_reports WHERE \"Number\" = '{report.Number}'";
            return (string)(await command.ExecuteScalarAsync())!;
        });
        Assert.DoesNotContain("001089012345", raw, StringComparison.Ordinal);
        Assert.StartsWith(PersonalDataCipher.Prefix, raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fallen_tree_goes_to_the_construction_department_wherever_it_is()
    {
        var report = await FileAsync(new FeedbackFiling("cay-xanh", new GeoPoint(21.1383, 105.5050), null, "Cây xà cừ đổ chắn ngang đường.",
            Answers(("can-duong", "co")), PhotoBatch.None, null));
        Assert.Equal("Sở Xây dựng thành phố Hà Nội", await UnitNameAsync(report.HandlingUnitId));
        Assert.NotEqual(report.HandlingUnitId, report.LocatedUnitId);
        Assert.True(report.IsAnonymous);
    }

    [Fact]
    public async Task An_address_without_a_pin_goes_to_the_city_to_be_sent_on()
    {
        var report = await FileAsync(new FeedbackFiling("rac-thai", null, "Ngõ 12 phố Hàng Bạc", "Rác tồn đọng ba ngày ở đầu ngõ.",
            Answers(("loai", "sinh-hoat")), PhotoBatch.None, null));
        Assert.Equal("Ủy ban nhân dân thành phố Hà Nội", await UnitNameAsync(report.HandlingUnitId));
        Assert.Null(report.LocatedUnitId);
    }

    [Theory]
    [InlineData("khong-co", 21.0285, 105.8522, "tat", "service_code")]
    [InlineData("chieu-sang", 20.8449, 106.6881, "tat", "location")]
    [InlineData("chieu-sang", 91.0, 105.8522, "tat", "location")]
    [InlineData("chieu-sang", 21.0285, 105.8522, "vo", "attribute[tinh-trang]")]
    [InlineData("chieu-sang", 21.0285, 105.8522, "", "attribute[tinh-trang]")]
    public async Task A_report_that_cannot_be_taken_names_its_field_and_writes_nothing(string category, double lat, double lon, string state, string field)
    {
        var before = await factory.WithDbAsync(db => db.Set<FeedbackReport>().CountAsync());
        var problem = await Assert.ThrowsAsync<FeedbackProblem>(() => FileAsync(Lighting(new GeoPoint(lat, lon)) with
        {
            CategoryCode = category, Answers = Answers(("tinh-trang", state)),
        }));
        Assert.Equal(field, problem.Field);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Set<FeedbackReport>().CountAsync()));
    }

    [Fact]
    public async Task The_same_key_files_once_even_when_both_arrive_at_once()
    {
        var first = await FileAsync(Lighting(), "feedback-key-1");
        var again = await FileAsync(Lighting(), "feedback-key-1");
        Assert.Equal(first.Id, again.Id);

        var racing = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => FileAsync(Lighting(), "feedback-key-2"))));
        Assert.Single(racing.Select(r => r.Id).Distinct());
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<FeedbackReport>().CountAsync(r => EF.Property<string>(r, FeedbackKeys.Property) == "feedback-key-2")));
    }

    [Fact]
    public async Task Reports_filed_at_once_get_distinct_numbers()
    {
        var reports = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => FileAsync(Lighting()))));
        Assert.Equal(8, reports.Select(r => r.Number).Distinct().Count());
    }
}
