using MotCua.Browser.Tests.Infrastructure;

namespace MotCua.Browser.Tests;

/// <summary>Keyboard users reach the content first: the skip link is the first Tab stop and lands on main.</summary>
public sealed class KeyboardTests(ProductServer server, ChromiumFixture chromium) : BrowserTest(server, chromium)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/procedures?q=khai+sinh")]
    [InlineData("/procedures/1.001193")]
    [InlineData("/account/sign-in")]
    public Task The_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(string path) => InBrowserAsync(async page =>
    {
        await page.GotoAsync(path);
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Chuyển đến nội dung chính" });
        await Expect(skip).Not.ToBeInViewportAsync();

        await page.Keyboard.PressAsync("Tab");

        await Expect(skip).ToBeFocusedAsync();
        // Off-screen until focused, then visible to sighted keyboard users.
        await Expect(skip).ToBeInViewportAsync();

        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("main#main")).ToBeFocusedAsync();
        // The next Tab continues inside the content, not back in the header.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)"),
            "after the skip link, Tab moves on inside main");
    }, variant: path);
}
