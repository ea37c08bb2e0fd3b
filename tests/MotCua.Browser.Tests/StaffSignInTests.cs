using System.Text.RegularExpressions;
using MotCua.Browser.Tests.Infrastructure;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Browser.Tests;

/// <summary>Staff sign in with email and password, then an authenticator code; a mistake gets a GOV.UK-style error summary.</summary>
public sealed class StaffSignInTests(ProductServer server, ChromiumFixture chromium) : BrowserTest(server, chromium)
{
    private const string Admin = "admin@motcua.demo";

    [Fact]
    public Task A_wrong_password_shows_the_error_summary() => InBrowserAsync(async page =>
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Cán bộ đăng nhập" }).ClickAsync();
        await StaffSignIn.PasswordAsync(page, Admin, "not-the-password");

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
        await StaffSignIn.PasswordAsync(page, Admin);
        // The password alone opens nothing: the second step asks for the app's code.
        await Expect(page).ToHaveURLAsync(new Regex("/account/two-factor$"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" })).ToHaveCountAsync(0);
        await StaffSignIn.CodeAsync(page, Server, Admin);

        await Expect(page).ToHaveURLAsync(new Regex("/admin$"));
        var signOut = page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" });
        await Expect(signOut).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Cán bộ đăng nhập" })).ToHaveCountAsync(0);

        await signOut.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Cán bộ đăng nhập" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" })).ToHaveCountAsync(0);
    });

    [Fact]
    public Task A_new_staff_member_enrols_an_authenticator_and_sees_the_recovery_codes_once() => InBrowserAsync(async page =>
    {
        const string email = "enrol.browser@motcua.test";
        await TestStaff.EnsureAsync(Server.Services, email, StaffRole.Specialist, UnitCodes.Commune2025(1), "Cán bộ mới", key: null);
        await page.GotoAsync("/account/sign-in");
        await StaffSignIn.PasswordAsync(page, email);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cài đặt xác thực hai bước", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Mã QR chứa khóa xác thực của tài khoản " + email })).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);
        var key = (await page.Locator("#shared-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);

        await page.GetByLabel("Mã 6 chữ số từ ứng dụng", new() { Exact = true }).FillAsync("12345");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận và bật", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "#Code");

        await page.GetByLabel("Mã 6 chữ số từ ứng dụng", new() { Exact = true }).FillAsync(Totp.Now(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận và bật", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mã khôi phục của bạn", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Tôi đã lưu các mã, tiếp tục" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin$"));
    }, bypassCsp: true);
}
