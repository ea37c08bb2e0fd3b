using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Infrastructure;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Admin;

/// <summary>The city administrator reorganises units through the forms; history stays readable and bad plans change nothing.</summary>
public sealed class UnitAdminTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    private Task<UnitTree> TodayAsync() => factory.WithScopeAsync(sp => sp.GetRequiredService<UnitDirectory>().TodayAsync());

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<DateOnly> TodayDateAsync() => factory.WithScopeAsync(sp => Task.FromResult(VietnamTime.Today(sp.GetRequiredService<TimeProvider>())));

    private Task<(int Reorganizations, int Versions, int Units, int Successions)> CountsAsync() =>
        factory.WithDbAsync(async db => (await db.Reorganizations.CountAsync(), await db.UnitVersions.CountAsync(), await db.Units.CountAsync(), await db.UnitSuccessions.CountAsync()));

    [Fact]
    public async Task A_renamed_unit_shows_its_old_name_on_a_past_date()
    {
        using var admin = await StaffClient.SignInAsync(factory, "admin@motcua.demo");
        var unit = (await TodayAsync()).FindByCode(UnitCodes.Commune2025(5))!;
        var today = await TodayDateAsync();

        var form = await admin.GetPageAsync($"/admin/reorganizations/rename?unit={unit.Id}");
        Assert.Contains(unit.Name, form, StringComparison.Ordinal);
        var location = await admin.PostFormExpectingRedirectAsync($"/admin/reorganizations/rename?unit={unit.Id}", new()
        {
            ["Unit"] = unit.Id.ToString(), ["Name"] = "Phường Thử Nghiệm", ["ShortName"] = "", ["NewCode"] = unit.Code,
            ["EffectiveDate"] = Iso(today), ["Title"] = "Đổi tên phường thử nghiệm", ["LegalBasis"] = "Quyết định 1/QĐ-UBND",
        });
        var report = await admin.GetPageAsync(location);
        Assert.Contains("Phường Thử Nghiệm", report, StringComparison.Ordinal);
        Assert.Contains(unit.Name, report, StringComparison.Ordinal);

        Assert.Contains("Phường Thử Nghiệm", await admin.GetPageAsync("/admin/units"), StringComparison.Ordinal);
        var yesterday = await admin.GetPageAsync($"/admin/units?date={Iso(today.AddDays(-1))}");
        Assert.Contains(unit.Name, yesterday, StringComparison.Ordinal);
        Assert.DoesNotContain("Phường Thử Nghiệm", yesterday, StringComparison.Ordinal);

        var history = await admin.GetPageAsync($"/admin/units/{unit.Id}");
        Assert.Contains(unit.Name, history, StringComparison.Ordinal);
        Assert.Contains("Đổi tên phường thử nghiệm", history, StringComparison.Ordinal);

        var search = await admin.GetPageAsync("/admin/units?q=thu nghiem&kind=ward");
        Assert.Contains($"/admin/units/{unit.Id}", search, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merging_two_units_into_a_new_one_names_the_successor_and_moves_the_staff()
    {
        using var admin = await StaffClient.SignInAsync(factory, "admin@motcua.demo");
        var tree = await TodayAsync();
        var (first, second) = (tree.FindByCode(UnitCodes.Commune2025(1))!, tree.FindByCode(UnitCodes.Commune2025(2))!);
        var today = await TodayDateAsync();

        var location = await admin.PostFormExpectingRedirectAsync("/admin/reorganizations/merge", new()
        {
            ["Units"] = $"{first.Code}\n{second.Code}\n", ["Target"] = "new", ["NewCode"] = "000.60.90.H26", ["NewName"] = "Phường Hồ Gươm",
            ["NewKind"] = "ward", ["NewParent"] = UnitCodes.CityPeoplesCommittee, ["EffectiveDate"] = Iso(today), ["Title"] = "Hợp nhất hai phường thử",
        });
        Assert.Contains("Phường Hồ Gươm", await admin.GetPageAsync(location), StringComparison.Ordinal);

        var merged = (await TodayAsync()).FindByCode("000.60.90.H26")!;
        Assert.Null((await TodayAsync()).Find(first.Id));
        var old = await admin.GetPageAsync($"/admin/units/{first.Id}");
        Assert.Contains($"/admin/units/{merged.Id}", old, StringComparison.Ordinal);
        Assert.Contains("Hợp nhất hai phường thử", old, StringComparison.Ordinal);
        var successor = await admin.GetPageAsync($"/admin/units/{merged.Id}");
        Assert.Contains(first.Name, successor, StringComparison.Ordinal);
        Assert.Contains(second.Name, successor, StringComparison.Ordinal);
        Assert.Contains("Lê Thị Tiếp", successor, StringComparison.Ordinal);

        // The demo counter officer's role ended in the old ward and began in the new one.
        var roles = await factory.WithDbAsync(db => (from a in db.RoleAssignments join u in db.Users on a.StaffId equals u.Id
                                                     where u.Email == "motcua@motcua.demo" select a).ToListAsync());
        Assert.Contains(roles, r => r.UnitId == first.Id && r.ValidTo == today && r.EndReason!.Contains("Hợp nhất hai phường thử", StringComparison.Ordinal));
        Assert.Contains(roles, r => r.UnitId == merged.Id && r.ValidTo == null && r.Role == StaffRole.CounterOfficer);
        var staffId = roles[0].StaffId;
        Assert.Contains("Phường Hồ Gươm", await admin.GetPageAsync($"/admin/staff/{staffId}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_split_with_a_bad_line_shows_the_error_and_changes_nothing()
    {
        using var admin = await StaffClient.SignInAsync(factory, "admin@motcua.demo");
        var unit = (await TodayAsync()).FindByCode(UnitCodes.Commune2025(3))!;
        var before = await CountsAsync();
        var html = await admin.PostFormExpectingErrorsAsync($"/admin/reorganizations/split?unit={unit.Id}", new()
        {
            ["Unit"] = unit.Id.ToString(), ["Title"] = "Chia tách thử", ["EffectiveDate"] = Iso(await TodayDateAsync()),
            ["Lines"] = "000.61.90.H26 | Phường Bắc | ward\nchỉ có tên\n000.62.90.H26 | Phường Nam | hành tinh",
        });
        var summary = StaffClient.ErrorSummary(html);
        Assert.Contains("Dòng 2", summary, StringComparison.Ordinal);
        Assert.Contains("Dòng 3", summary, StringComparison.Ordinal);
        Assert.Contains("href=\"#Lines\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Lines-error\"", html, StringComparison.Ordinal);
        // What was typed comes back for correcting.
        Assert.Contains("chỉ có tên", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
        Assert.NotNull((await TodayAsync()).Find(unit.Id));
    }

    [Fact]
    public async Task A_split_whose_code_is_taken_shows_the_plans_error_and_changes_nothing()
    {
        using var admin = await StaffClient.SignInAsync(factory, "admin@motcua.demo");
        var tree = await TodayAsync();
        var unit = tree.FindByCode(UnitCodes.Commune2025(3))!;
        var taken = tree.FindByCode(UnitCodes.Commune2025(10))!;
        var before = await CountsAsync();
        var html = await admin.PostFormExpectingErrorsAsync($"/admin/reorganizations/split?unit={unit.Id}&lang=en", new()
        {
            ["Unit"] = unit.Id.ToString(), ["Title"] = "Split", ["EffectiveDate"] = Iso(await TodayDateAsync()),
            ["Lines"] = $"000.63.90.H26 | Phường Bắc | ward\n{taken.Code} | Phường Nam | ward",
        }, action: $"/admin/reorganizations/split?lang=en");
        Assert.Contains($"The identifier code {taken.Code} would be shared by", StaffClient.ErrorSummary(html), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_split_opens_the_parts_and_names_the_first_as_primary()
    {
        using var admin = await StaffClient.SignInAsync(factory, "admin@motcua.demo");
        var unit = (await TodayAsync()).FindByCode(UnitCodes.Commune2025(4))!;
        await admin.PostFormExpectingRedirectAsync($"/admin/reorganizations/split?unit={unit.Id}", new()
        {
            ["Unit"] = unit.Id.ToString(), ["Title"] = "Chia tách phường", ["EffectiveDate"] = Iso(await TodayDateAsync()),
            ["Lines"] = "000.64.90.H26 | Phường Đông | phường\n000.65.90.H26 | Phường Tây | ward",
        });
        var after = await TodayAsync();
        var (east, west) = (after.FindByCode("000.64.90.H26")!, after.FindByCode("000.65.90.H26")!);
        Assert.Null(after.Find(unit.Id));
        Assert.Equal(UnitKind.Ward, east.Kind);
        Assert.Equal("Đông", east.ShortName);
        var successions = await factory.WithDbAsync(db => db.UnitSuccessions.Where(s => s.PredecessorId == unit.Id).ToListAsync());
        Assert.Equal(2, successions.Count);
        Assert.All(successions, s => Assert.True(s.Partial));
        Assert.Equal(east.Id, successions.Single(s => s.Primary).SuccessorId);
        Assert.Contains(west.Id, successions.Select(s => s.SuccessorId));
    }

    [Fact]
    public async Task Retiring_a_unit_that_still_has_units_below_is_refused_next_to_the_successor()
    {
        using var admin = await StaffClient.SignInAsync(factory, "admin@motcua.demo");
        var root = (await TodayAsync()).FindByCode(UnitCodes.CityPeoplesCommittee)!;
        var before = await CountsAsync();
        var html = await admin.PostFormExpectingErrorsAsync($"/admin/reorganizations/retire?unit={root.Id}", new()
        {
            ["Unit"] = root.Id.ToString(), ["Title"] = "Giải thể thử", ["EffectiveDate"] = Iso(await TodayDateAsync()),
        });
        Assert.Contains("href=\"#Successor\"", html, StringComparison.Ordinal);
        Assert.Contains("phải được chuyển sang đơn vị khác", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_new_unit_opens_and_moves_under_another_parent()
    {
        using var admin = await StaffClient.SignInAsync(factory, "admin@motcua.demo");
        var today = await TodayDateAsync();
        var missing = await admin.PostFormExpectingErrorsAsync("/admin/reorganizations/open", new() { ["EffectiveDate"] = Iso(today) });
        // The summary lists the errors in the order of the fields, the common ones last.
        var positions = new[] { "Parent", "NewCode", "Name", "Kind", "Title" }
            .Select(field => missing.IndexOf($"href=\"#{field}\"", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);

        await admin.PostFormExpectingRedirectAsync("/admin/reorganizations/open", new()
        {
            ["Parent"] = UnitCodes.CityPeoplesCommittee, ["NewCode"] = "000.66.90.H26", ["Name"] = "Trung tâm Thử nghiệm", ["Kind"] = "serviceCenter",
            ["EffectiveDate"] = Iso(today), ["Title"] = "Thành lập trung tâm thử nghiệm",
        });
        var centre = (await TodayAsync()).FindByCode("000.66.90.H26")!;
        var parent = (await TodayAsync()).FindByCode(UnitCodes.Commune2025(20))!;
        await admin.PostFormExpectingRedirectAsync($"/admin/reorganizations/move?unit={centre.Id}", new()
        {
            ["Unit"] = centre.Id.ToString(), ["Parent"] = parent.Code, ["EffectiveDate"] = Iso(today.AddDays(10)), ["Title"] = "Chuyển trung tâm",
        });
        Assert.Equal(parent.Id, (await factory.WithScopeAsync(sp => sp.GetRequiredService<UnitDirectory>().OnAsync(today.AddDays(10)))).Find(centre.Id)!.ParentId);
        Assert.NotEqual(parent.Id, (await TodayAsync()).Find(centre.Id)!.ParentId);
        var list = await admin.GetPageAsync("/admin/reorganizations");
        Assert.Contains("Chuyển trung tâm", list, StringComparison.Ordinal);
        Assert.Contains("Thành lập trung tâm thử nghiệm", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bundled_reforms_show_as_applied_and_cannot_be_applied_twice()
    {
        using var admin = await StaffClient.SignInAsync(factory, "admin@motcua.demo");
        var page = await admin.GetPageAsync("/admin/reorganizations");
        Assert.Contains("Nghị quyết 1656/NQ-UBTVQH15", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Apply", page, StringComparison.Ordinal);
        var before = await CountsAsync();
        var html = await admin.PostFormExpectingErrorsAsync("/admin/reorganizations", new() { ["key"] = "communes-2025-07" }, action: "/admin/reorganizations?handler=Apply");
        Assert.Contains("đã được áp dụng", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }
}
