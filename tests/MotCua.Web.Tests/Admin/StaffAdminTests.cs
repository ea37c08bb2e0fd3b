using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Admin;

/// <summary>Staff accounts: created with a one-time password and a first role, given and relieved of roles, switched off.</summary>
public sealed partial class StaffAdminTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    [Fact]
    public async Task An_administrator_creates_an_account_and_gives_it_another_role()
    {
        using var admin = await StaffClient.SignInAsync(factory, "admin@motcua.demo");
        var response = await admin.PostFormAsync("/admin/staff/new", new()
        {
            ["FullName"] = "Đỗ Thị Mới", ["Email"] = "do.thi.moi@hanoi.test", ["Unit"] = UnitCodes.Commune2025(7), ["Role"] = "specialist", ["ValidFrom"] = "",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        var password = System.Net.WebUtility.HtmlDecode(PasswordPattern().Match(html).Groups[1].Value);
        Assert.True(password.Length >= 12, html);

        var user = await factory.WithDbAsync(db => db.Users.Include(u => u.Roles).SingleAsync(u => u.Email == "do.thi.moi@hanoi.test"));
        Assert.True(user.MustChangePassword);
        Assert.Equal(StaffRole.Specialist, Assert.Single(user.Roles).Role);

        // The one-time password works, and the new person is sent to change it before anything else.
        using (var person = StaffClient.Anonymous(factory))
        {
            Assert.Equal("/account/password", await person.PasswordStepAsync("do.thi.moi@hanoi.test", password));
            Assert.Equal(HttpStatusCode.Redirect, (await person.GetAsync("/admin")).StatusCode);
        }

        await admin.PostFormExpectingRedirectAsync($"/admin/staff/{user.Id}", new()
        {
            ["Unit"] = UnitCodes.Commune2025(8), ["Role"] = "leader", ["ValidFrom"] = "",
        }, action: $"/admin/staff/{user.Id}?handler=AddRole");
        var detail = await admin.GetPageAsync($"/admin/staff/{user.Id}");
        Assert.Contains("Lãnh đạo", detail, StringComparison.Ordinal);
        Assert.Contains("Chuyên viên", detail, StringComparison.Ordinal);
        Assert.Contains("Đỗ Thị Mới", await admin.GetPageAsync("/admin/staff?q=do thi moi"), StringComparison.Ordinal);

        // The same role twice is refused beside the role.
        var twice = await admin.PostFormExpectingErrorsAsync($"/admin/staff/{user.Id}", new()
        {
            ["Unit"] = UnitCodes.Commune2025(8), ["Role"] = "leader",
        }, action: $"/admin/staff/{user.Id}?handler=AddRole");
        Assert.Contains("href=\"#Role\"", twice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ending_a_role_keeps_it_in_the_history_with_its_reason()
    {
        using var admin = await StaffClient.SignInAsync(factory, "admin@motcua.demo");
        var (staffId, assignment) = await factory.WithDbAsync(async db =>
        {
            var a = await (from r in db.RoleAssignments join u in db.Users on r.StaffId equals u.Id
                           where u.Email == "chuyenvien@motcua.demo" && r.ValidTo == null select r).SingleAsync();
            return (a.StaffId, a.Id);
        });
        var missing = await admin.PostFormExpectingErrorsAsync($"/admin/staff/{staffId}", new() { ["Reason"] = " " },
            action: $"/admin/staff/{staffId}?handler=EndRole&assignment={assignment}");
        Assert.Contains($"href=\"#Reason-{assignment}\"", missing, StringComparison.Ordinal);

        await admin.PostFormExpectingRedirectAsync($"/admin/staff/{staffId}", new() { ["Reason"] = "Nghỉ hưu" },
            action: $"/admin/staff/{staffId}?handler=EndRole&assignment={assignment}");
        var ended = await factory.WithDbAsync(db => db.RoleAssignments.SingleAsync(r => r.Id == assignment));
        Assert.NotNull(ended.ValidTo);
        Assert.Equal("Nghỉ hưu", ended.EndReason);
        Assert.Contains("Nghỉ hưu", await admin.GetPageAsync($"/admin/staff/{staffId}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_taken_email_is_refused_beside_the_field_and_nothing_is_created()
    {
        using var admin = await StaffClient.SignInAsync(factory, "admin@motcua.demo");
        var users = await factory.WithDbAsync(db => db.Users.CountAsync());
        var html = await admin.PostFormExpectingErrorsAsync("/admin/staff/new", new()
        {
            ["FullName"] = "Trùng Thư", ["Email"] = "LANHDAO@motcua.demo", ["Unit"] = UnitCodes.Commune2025(7), ["Role"] = "specialist",
        });
        Assert.Contains("href=\"#Email\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Email-error\"", html, StringComparison.Ordinal);
        Assert.Contains("đã được dùng", html, StringComparison.Ordinal);

        var bad = await admin.PostFormExpectingErrorsAsync("/admin/staff/new", new()
        {
            ["FullName"] = "", ["Email"] = "not-an-email", ["Unit"] = "000.99.99.H99", ["Role"] = "king", ["ValidFrom"] = "2020-01-01",
        });
        foreach (var field in new[] { "FullName", "Email", "Unit", "Role", "ValidFrom" })
        {
            Assert.Contains($"href=\"#{field}\"", bad, StringComparison.Ordinal);
        }
        Assert.Equal(users, await factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task A_deactivated_account_can_no_longer_sign_in_until_reactivated()
    {
        using var admin = await StaffClient.SignInAsync(factory, "admin@motcua.demo");
        var staffId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "lanhdao@motcua.demo").Select(u => u.Id).SingleAsync());
        await admin.PostFormExpectingRedirectAsync($"/admin/staff/{staffId}", [], action: $"/admin/staff/{staffId}?handler=Deactivate");
        Assert.False(await factory.WithDbAsync(db => db.Users.Where(u => u.Id == staffId).Select(u => u.IsActive).SingleAsync()));

        using (var person = StaffClient.Anonymous(factory))
        {
            var refused = await person.PostFormAsync("/account/sign-in", new() { ["Email"] = "lanhdao@motcua.demo", ["Password"] = DemoStaffSeeder.Password });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        await admin.PostFormExpectingRedirectAsync($"/admin/staff/{staffId}", [], action: $"/admin/staff/{staffId}?handler=Reactivate");
        using var back = await StaffClient.SignInAsync(factory, "lanhdao@motcua.demo");

        // Nobody switches themselves off.
        var self = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "admin@motcua.demo").Select(u => u.Id).SingleAsync());
        var own = await admin.PostFormAsync($"/admin/staff/{self}", [], action: $"/admin/staff/{self}?handler=Deactivate");
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
    }

    [GeneratedRegex("<code id=\"initial-password\">([^<]+)</code>")]
    private static partial Regex PasswordPattern();
}
