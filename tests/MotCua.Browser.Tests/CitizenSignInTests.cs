using System.Text.RegularExpressions;
using MotCua.Browser.Tests.Infrastructure;

namespace MotCua.Browser.Tests;

/// <summary>
/// A citizen signs in with VNeID (the bundled stand-in) and out again, under the product's real content security
/// policy: the provider's page needs no inline script or style, and its form may lead back to the product.
/// </summary>
public sealed class CitizenSignInTests(ProductServer server, ChromiumFixture chromium) : BrowserTest(server, chromium)
{
    [Fact]
    public Task A_citizen_signs_in_with_vneid_and_signing_out_ends_both_sessions() => InBrowserAsync(async page =>
    {
        var violations = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) violations.Add(message.Text); };

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Công dân đăng nhập" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/simulators/vneid/authorize"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Đăng nhập bằng tài khoản định danh điện tử");

        // Nobody picked: the error summary leads to the first choice.
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
        var error = page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = "Chọn một công dân để đăng nhập." });
        await error.ClickAsync();
        await Expect(page.GetByLabel("Nguyễn Văn An")).ToBeFocusedAsync();

        await page.GetByLabel("Trần Thị Bích").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/my/dossiers$"));
        await Expect(page.Locator(".citizen-name")).ToHaveTextAsync("Trần Thị Bích");

        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng xuất (công dân)" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(Server.BaseUrl) + "/$"));
        await Expect(page.Locator(".citizen-name")).ToHaveCountAsync(0);

        // The provider's session ended too: signing in again asks who is signing in.
        await page.GetByRole(AriaRole.Link, new() { Name = "Công dân đăng nhập" }).ClickAsync();
        await Expect(page.GetByLabel("Trần Thị Bích")).ToBeVisibleAsync();
        Assert.Empty(violations);
    });
}
