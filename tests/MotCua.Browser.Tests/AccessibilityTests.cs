using MotCua.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MotCua.Browser.Tests;

/// <summary>WCAG 2.2 AA as axe-core sees it, on every public page, in both languages.</summary>
public sealed class AccessibilityTests(ProductServer server, ChromiumFixture chromium, ITestOutputHelper output)
    : BrowserTest(server, chromium)
{
    public static TheoryData<string, string> Pages()
    {
        var data = new TheoryData<string, string>();
        foreach (var lang in new[] { "vi", "en" })
        {
            data.Add(lang, "/");
            data.Add(lang, "/procedures?q=khai+sinh");
            data.Add(lang, "/procedures?field=H%E1%BB%99+t%E1%BB%8Bch&page=2");
            data.Add(lang, "/procedures/1.001193");
            data.Add(lang, "/account/sign-in");
            data.Add(lang, "/units?date=2024-06-01");
            data.Add(lang, "/procedures/1.001193/form/preview?step=1");
            data.Add(lang, "/lookup");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public Task The_page_has_no_serious_accessibility_violations(string lang, string path) => InBrowserAsync(async page =>
    {
        // Through the language switch, as a user would, so the cookie is set exactly as in real use.
        await page.GotoAsync($"/culture?lang={lang}&returnUrl={Uri.EscapeDataString(path)}");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", lang);
        await Expect(page.Locator("main h1")).ToBeVisibleAsync();

        var minor = await Axe.AssertNoSeriousViolationsAsync(page);
        foreach (var v in minor) output.WriteLine(Axe.Describe(v));
    }, bypassCsp: true, variant: lang + path);

    /// <summary>The check itself: a page with known faults must fail, naming the rule and the element.</summary>
    [Fact]
    public Task The_check_fails_on_an_unlabelled_field_and_an_image_without_alt() => InBrowserAsync(async page =>
    {
        await page.SetContentAsync("""
            <!DOCTYPE html><html lang="vi"><head><title>Lỗi</title></head>
            <body><main><h1>Trang lỗi</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" id="photo"><input id="nameless"></main></body></html>
            """);

        var failure = await Assert.ThrowsAsync<AccessibilityException>(() => Axe.AssertNoSeriousViolationsAsync(page));

        Assert.Contains("- image-alt (critical)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("at #photo", failure.Message, StringComparison.Ordinal);
        Assert.Contains("- label (critical)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("at #nameless", failure.Message, StringComparison.Ordinal);
    }, bypassCsp: true);
}
