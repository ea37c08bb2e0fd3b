using System.Text.RegularExpressions;
using MotCua.Browser.Tests.Infrastructure;
using MotCua.Web.Features.Organization.Seeding;

namespace MotCua.Browser.Tests;

/// <summary>Staff sign in with email and password; a mistake gets a GOV.UK-style error summary.</summary>
public sealed class StaffSignInTests(ProductServer server, ChromiumFixture chromium) : BrowserTest(server, chromium)
{
    private const string Admin = "admin@motcua.demo";

    [Fact]
    public Task A_wrong_password_shows_the_error_summary() => InBrowserAsync(async page =>
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Cán bộ đăng nhập" }).ClickAsync();
        await SignInAsync(page, Admin, "not-the-password");

        var summary = page.GetByRole(AriaRole.Alert);
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Có lỗi cần sửa");
        var error = summary.GetByRole(AriaRole.Link, new() { Name = "Thư điện tử hoặc mật khẩu không đúng." });
        await Expect(error).ToHaveAttributeAsync("href", "#Email");
        // The email is kept, the password never is.
        await Expect(page.GetByLabel("Thư điện tử", new() { Exact = true })).ToHaveValueAsync(Admin);
        await Expect(page.GetByLabel("Mật khẩu", new() { Exact = true })).ToHaveValueAsync("");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" })).ToHaveCountAsync(0);

        // The summary's link takes the user to the field to correct.
        await error.ClickAsync();
        await Expect(page.GetByLabel("Thư điện tử", new() { Exact = true })).ToBeFocusedAsync();

        await Axe.AssertNoSeriousViolationsAsync(page);
    }, bypassCsp: true);

    [Fact]
    public Task The_demo_administrator_signs_in_and_can_sign_out() => InBrowserAsync(async page =>
    {
        await page.GotoAsync("/account/sign-in");
        await SignInAsync(page, Admin, DemoStaffSeeder.Password);

        await Expect(page).ToHaveURLAsync(new Regex("/admin$"));
        var signOut = page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" });
        await Expect(signOut).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Cán bộ đăng nhập" })).ToHaveCountAsync(0);

        await signOut.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Cán bộ đăng nhập" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" })).ToHaveCountAsync(0);
    });

    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("Thư điện tử", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
    }
}
