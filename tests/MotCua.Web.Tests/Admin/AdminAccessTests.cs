using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Admin;

/// <summary>No administration page opens, and no form changes anything, for anonymous users or for staff without the role.</summary>
public sealed class AdminAccessTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    private static readonly string[] Pages =
    [
        "/admin/units", "/admin/units/{unit}", "/admin/reorganizations", "/admin/reorganizations/rename?unit={unit}",
        "/admin/reorganizations/move?unit={unit}", "/admin/reorganizations/retire?unit={unit}", "/admin/reorganizations/split?unit={unit}",
        "/admin/reorganizations/merge", "/admin/reorganizations/open", "/admin/staff", "/admin/staff/new", "/admin/calendar",
        "/admin/calendar/hours",
    ];

    private static readonly string[] Posts =
    [
        "/admin/reorganizations/rename?unit={unit}", "/admin/reorganizations/merge", "/admin/reorganizations/open",
        "/admin/reorganizations/split?unit={unit}", "/admin/reorganizations/retire?unit={unit}", "/admin/reorganizations?handler=Apply",
        "/admin/staff/new", "/admin/calendar?handler=Add", "/admin/calendar/hours", "/account/password",
    ];

    private async Task<Guid> CommuneAsync(int order) =>
        await factory.WithScopeAsync(async sp => (await sp.GetRequiredService<UnitDirectory>().TodayAsync()).FindByCode(UnitCodes.Commune2025(order))!.Id);

    private async Task<string> UrlAsync(string template) => template.Replace("{unit}", (await CommuneAsync(1)).ToString(), StringComparison.Ordinal);

    private Task<(int Reorganizations, int Versions, int Users, int Overrides, int Hours)> CountsAsync() =>
        factory.WithDbAsync(async db => (await db.Reorganizations.CountAsync(), await db.UnitVersions.CountAsync(), await db.Users.CountAsync(),
            await db.CalendarOverrides.CountAsync(), await db.UnitWorkingHours.CountAsync()));

    private static Dictionary<string, string> AnyForm(string commune) => new()
    {
        ["Name"] = "Phường Thử", ["NewCode"] = "000.98.98.H26", ["Title"] = "Thử", ["EffectiveDate"] = "2026-12-01", ["Parent"] = UnitCodes.CityPeoplesCommittee,
        ["Kind"] = "ward", ["Units"] = commune, ["Target"] = "existing", ["TargetCode"] = UnitCodes.Commune2025(2), ["Lines"] = "a | b | ward\nc | d | ward",
        ["FullName"] = "Người Thử", ["Email"] = "thu@example.vn", ["Unit"] = commune, ["Role"] = "administrator", ["key"] = "wards-2025-01",
        ["Date"] = "2026-12-05", ["MorningStart"] = "07:00", ["MorningEnd"] = "11:00", ["AfternoonStart"] = "13:00", ["AfternoonEnd"] = "17:00",
        ["Current"] = DemoStaffSeeder.Password, ["New"] = "Another-pass-2026!", ["Confirm"] = "Another-pass-2026!",
    };

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_every_admin_page()
    {
        using var client = StaffClient.Anonymous(factory);
        foreach (var template in Pages.Append("/admin").Append("/account/password").Append("/admin/staff/{unit}").Append("/admin/reorganizations/{unit}"))
        {
            var url = await UrlAsync(template);
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode}");
            Assert.Contains("/account/sign-in", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Anonymous_posts_are_refused_and_change_nothing()
    {
        var before = await CountsAsync();
        using var client = StaffClient.Anonymous(factory);
        foreach (var template in Posts)
        {
            var url = await UrlAsync(template);
            // With a token from a public page, as a forged form would carry one.
            var response = await client.PostFormAsync("/account/sign-in", AnyForm(UnitCodes.Commune2025(1)), action: url);
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Redirect)
                Assert.Contains("/account/sign-in", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_counter_officer_sees_their_roles_but_gets_403_on_every_admin_page_and_form()
    {
        using var officer = await StaffClient.SignInAsync(factory, "motcua@motcua.demo");
        var home = await officer.GetPageAsync("/admin");
        Assert.Contains("Cán bộ một cửa", home, StringComparison.Ordinal);
        Assert.Contains("Phường Hoàn Kiếm", home, StringComparison.Ordinal);
        foreach (var template in Pages)
        {
            var url = await UrlAsync(template);
            Assert.True(HttpStatusCode.Forbidden == (await officer.GetAsync(url)).StatusCode, url);
        }

        var before = await CountsAsync();
        foreach (var template in Posts.Where(p => !p.Contains("password", StringComparison.Ordinal)))
        {
            var url = await UrlAsync(template);
            var response = await officer.PostFormAsync("/admin", AnyForm(UnitCodes.Commune2025(1)), action: url);
            Assert.True(HttpStatusCode.Forbidden == response.StatusCode, $"{url}: {(int)response.StatusCode}");
        }
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_post_without_the_anti_forgery_token_is_refused()
    {
        using var admin = await StaffClient.SignInAsync(factory, "admin@motcua.demo");
        var before = await CountsAsync();
        var response = await admin.Http.PostAsync(new Uri("/admin/calendar?handler=Add", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Date"] = "2026-12-05", ["Kind"] = "working", ["Name"] = "Thử" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_supervisor_reads_everything_but_changes_nothing()
    {
        using var supervisor = await StaffClient.SignInAsync(factory, "giamsat@motcua.demo");
        var unit = await CommuneAsync(1);
        Assert.Contains("Phường Hoàn Kiếm", await supervisor.GetPageAsync($"/admin/units/{unit}"), StringComparison.Ordinal);
        Assert.Contains("Lê Thị Tiếp", await supervisor.GetPageAsync("/admin/staff"), StringComparison.Ordinal);
        await supervisor.GetPageAsync("/admin/reorganizations");
        await supervisor.GetPageAsync($"/admin/calendar?unit={UnitCodes.Commune2025(1)}");
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync($"/admin/reorganizations/rename?unit={unit}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync("/admin/staff/new")).StatusCode);
        var response = await supervisor.PostFormAsync("/admin", AnyForm(UnitCodes.Commune2025(1)), action: $"/admin/calendar?handler=Add&unit={UnitCodes.Commune2025(1)}");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Every_admin_page_has_all_its_text_in_both_languages()
    {
        using var admin = await StaffClient.SignInAsync(factory, "admin@motcua.demo");
        var unit = await CommuneAsync(1);
        var staff = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "motcua@motcua.demo").Select(u => u.Id).SingleAsync());
        var reorg = await factory.WithDbAsync(db => db.Reorganizations.Select(r => r.Id).FirstAsync());
        foreach (var lang in new[] { "en", "vi" })
        {
            foreach (var template in Pages.Append("/admin").Append("/account/password").Append($"/admin/staff/{staff}").Append($"/admin/reorganizations/{reorg}"))
            {
                var url = (await UrlAsync(template)) + (template.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=" + lang;
                var html = await admin.GetPageAsync(url);
                // A string missing from admin.*.json shows as its key.
                Assert.DoesNotMatch(@"[>"" ]admin\.[a-z]+\.[a-z]", html);
            }
        }
        var english = await admin.GetPageAsync($"/admin/units/{unit}?lang=en");
        Assert.Contains("Identifier code", english, StringComparison.Ordinal);
    }
}
