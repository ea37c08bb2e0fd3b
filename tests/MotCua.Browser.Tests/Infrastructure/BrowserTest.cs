using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;

namespace MotCua.Browser.Tests.Infrastructure;

/// <summary>
/// Base of every browser test: the shared product server, this class's Chromium, and a fresh browser
/// context per test. A failing test leaves a screenshot of each of its pages in TestResults/screenshots.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract partial class BrowserTest(ProductServer server, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    static BrowserTest() => SetDefaultExpectTimeout(10_000);

    protected ProductServer Server { get; } = server;

    /// <summary>Runs a test in a new context (Vietnamese, no cookies). bypassCsp only for injecting axe-core.</summary>
    protected async Task InBrowserAsync(Func<IPage, Task> test, bool bypassCsp = false, string? variant = null,
        [CallerMemberName] string name = "")
    {
        await using var context = await chromium.Browser.NewContextAsync(new()
        {
            BaseURL = Server.BaseUrl,
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
            ViewportSize = new() { Width = 1280, Height = 900 },
            BypassCSP = bypassCsp,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        try
        {
            await test(page);
        }
        catch (Exception failure)
        {
            var shots = await ScreenshotAsync(context, $"{GetType().Name}.{name}{(variant is null ? "" : "-" + variant)}");
            throw new BrowserTestException(failure, shots);
        }
    }

    /// <summary>Another person's browser (a staff member beside the citizen), on the same server; the caller disposes it.</summary>
    protected Task<IBrowserContext> NewContextAsync() =>
        chromium.Browser.NewContextAsync(new() { BaseURL = Server.BaseUrl, Locale = "vi-VN", TimezoneId = "Asia/Ho_Chi_Minh" });

    private static async Task<IReadOnlyList<string>> ScreenshotAsync(IBrowserContext context, string name)
    {
        var files = new List<string>();
        var index = 0;
        foreach (var page in context.Pages)
        {
            index++;
            var file = Path.Combine(TestFolders.Screenshots, $"{Safe(name)}-{index}-{Safe(new Uri(page.Url).PathAndQuery)}.png");
            try
            {
                await page.ScreenshotAsync(new() { Path = file, FullPage = true, Timeout = 5_000 });
                files.Add(file);
            }
            catch (PlaywrightException e)
            {
                files.Add($"(no screenshot of {page.Url}: {e.Message.Split('\n')[0]})");
            }
        }
        return files;
    }

    private static string Safe(string text)
    {
        var safe = UnsafeChars().Replace(text, "_").Trim('_');
        return safe.Length > 80 ? safe[..80] : safe;
    }

    [GeneratedRegex("[^A-Za-z0-9.-]+")]
    private static partial Regex UnsafeChars();
}

/// <summary>The original failure, with where to find the screenshots taken when it happened.</summary>
public sealed class BrowserTestException(Exception failure, IReadOnlyList<string> screenshots)
    : Exception(Describe(failure, screenshots), failure)
{
    private static string Describe(Exception failure, IReadOnlyList<string> screenshots)
    {
        var text = new StringBuilder(failure.Message);
        text.AppendLine().Append("Screenshots:");
        foreach (var s in screenshots) text.AppendLine().Append("  ").Append(s);
        return text.ToString();
    }
}
