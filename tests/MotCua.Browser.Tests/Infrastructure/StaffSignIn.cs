using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Browser.Tests.Infrastructure;

/// <summary>A demo staff member signs in as a person would: email and password, then the authenticator app's code.</summary>
public static class StaffSignIn
{
    private static readonly SemaphoreSlim CodeSteps = new(1, 1);

    public static async Task PasswordAsync(IPage page, string email, string password = DemoStaffSeeder.Password)
    {
        await page.GetByLabel("Thư điện tử", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
    }

    /// <summary>
    /// Types the code the account's key gives now. Tests sign the same account in within one 30-second step,
    /// which the product refuses as a replay, so the account's last code is forgotten first, one test at a time.
    /// </summary>
    public static async Task CodeAsync(IPage page, ProductServer server, string email)
    {
        var secret = await TestStaff.SecretOfAsync(server.Services, email) ?? throw new InvalidOperationException($"{email} has no key.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Xác thực hai bước", Level = 1 })).ToBeVisibleAsync();
        await CodeSteps.WaitAsync();
        try
        {
            await TestStaff.ForgetLastCodeAsync(server.Services, email);
            await page.GetByLabel("Mã xác thực", new() { Exact = true }).FillAsync(Totp.Now(secret));
            await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" })).ToBeVisibleAsync();
        }
        finally
        {
            CodeSteps.Release();
        }
    }

    public static async Task AllStepsAsync(IPage page, ProductServer server, string email)
    {
        await page.GotoAsync("/account/sign-in");
        await PasswordAsync(page, email);
        await CodeAsync(page, server, email);
    }
}

