using System.Text.RegularExpressions;
using MotCua.Browser.Tests.Infrastructure;

namespace MotCua.Browser.Tests;

/// <summary>Vietnamese first; one click gives English labels, and the choice sticks while browsing.</summary>
public sealed class EnglishTests(ProductServer server, ChromiumFixture chromium) : BrowserTest(server, chromium)
{
    [Fact]
    public Task The_language_link_switches_the_search_page_to_english_and_back() => InBrowserAsync(async page =>
    {
        await page.GotoAsync("/procedures?q=khai+sinh");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");

        await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();

        // Back on the same page and query, now in English.
        await Expect(page).ToHaveURLAsync(new Regex(@"/procedures\?q=khai(\+|%20)sinh$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Administrative procedures");
        await Expect(page.GetByLabel("Search procedures", new() { Exact = true })).ToHaveValueAsync("khai sinh");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(new Regex(@"^\d+ procedures$"));
        // Procedure names are Vietnamese content and say so, for screen readers.
        await Expect(page.Locator("ol.results > li > a").First).ToHaveAttributeAsync("lang", "vi");

        await page.GetByRole(AriaRole.Link, new() { Name = "Tiếng Việt", Exact = true }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thủ tục hành chính");
    });

    [Fact]
    public Task The_detail_page_in_english_and_the_language_persists_across_navigation() => InBrowserAsync(async page =>
    {
        await page.GotoAsync("/procedures/1.001193");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thành phần hồ sơ" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "English", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/procedures/1\.001193$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Documents to provide", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Document", Exact = true }).First).ToBeVisibleAsync();
        await Expect(page.Locator("dl.summary-list dt", new() { HasTextString = "Time limit" })).ToBeVisibleAsync();
        // One day, not "1 working days".
        await Expect(page.Locator("dl.summary-list")).ToContainTextAsync(new Regex(@"\b1 working day(?!s)"));
        await Expect(page.Locator("dl.summary-list dt", new() { HasTextString = "Fees and charges" })).ToBeVisibleAsync();
        await Expect(page.Locator("dl.summary-list")).ToContainTextAsync("8.000 đ per copy");

        // Follow links and type addresses: English stays (a cookie), with no ?lang in the URL.
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the procedures" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Administrative procedures");
        await page.GotoAsync("/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Online public services");
        await page.GetByLabel("Search procedures", new() { Exact = true }).FillAsync("dang ky khai sinh");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Administrative procedures");
        await Expect(page.Locator("ol.results > li > a").First).ToHaveTextAsync("Thủ tục đăng ký khai sinh");
        await page.GotoAsync("/account/sign-in");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Staff sign-in");
    });
}
