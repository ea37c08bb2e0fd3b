using System.Text.RegularExpressions;
using MotCua.Browser.Tests.Infrastructure;

namespace MotCua.Browser.Tests;

/// <summary>
/// A citizen reports a broken street light with the map and a photo, under the real CSP (Leaflet and our script must
/// run without inline script or style), then finds the report on the public list and its map.
/// </summary>
public sealed partial class FeedbackReportingTests(ProductServer server, ChromiumFixture chromium) : BrowserTest(server, chromium)
{
    [Fact]
    public Task A_citizen_pins_the_place_on_the_map_adds_a_photo_and_finds_the_report_on_the_public_list() => InBrowserAsync(async page =>
    {
        var violations = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) violations.Add(message.Text); };

        await page.GotoAsync("/feedback/report");
        await page.GetByLabel("Đèn chiếu sáng công cộng").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tiếp tục" }).ClickAsync();

        // The map shows the units' outlines (no tile server is configured), then takes the pin.
        var map = page.Locator("#report-map");
        await Expect(map).ToBeVisibleAsync();
        await Expect(map.Locator("path.leaflet-interactive").First).ToBeAttachedAsync();
        await page.GetByLabel("Vĩ độ").FillAsync("21.0285");
        await page.GetByLabel("Kinh độ").FillAsync("105.8522");
        await page.GetByLabel("Kinh độ").DispatchEventAsync("change");
        var box = (await map.BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + box.Width / 2 + 60, box.Y + box.Height / 2 - 40);
        await Expect(page.GetByLabel("Kinh độ")).Not.ToHaveValueAsync("105.8522");
        await Expect(page.GetByLabel("Vĩ độ")).ToHaveValueAsync(new Regex(@"^21\.0[23]\d+$"));
        await Expect(map.Locator("path.leaflet-interactive[stroke='#a50e0e']")).ToHaveCountAsync(1);

        await page.GetByLabel("Đèn tắt").CheckAsync();
        await page.GetByLabel("Mô tả").FillAsync("Đèn đường trước số 5 tắt ba đêm liền, đoạn phố rất tối.");
        // A real JPEG, drawn and encoded by the browser itself.
        var dataUrl = await page.EvaluateAsync<string>(
            "() => { const c = document.createElement('canvas'); c.width = 64; c.height = 48; const g = c.getContext('2d'); g.fillStyle = '#ffdd00'; g.fillRect(0, 0, 64, 48); return c.toDataURL('image/jpeg'); }");
        await page.Locator("#photos").SetInputFilesAsync(new FilePayload
        {
            Name = "den-hong.jpg", MimeType = "image/jpeg", Buffer = Convert.FromBase64String(dataUrl[(dataUrl.IndexOf(',', StringComparison.Ordinal) + 1)..]),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi phản ánh" }).ClickAsync();

        var number = page.Locator("#report-number");
        await Expect(number).ToHaveTextAsync(new Regex(@"^PA-\d{6}-\d{5}$"));
        var reportNumber = await number.TextContentAsync();

        await page.GotoAsync("/feedback");
        var item = page.Locator($"li[data-number='{reportNumber}']");
        await Expect(item).ToBeVisibleAsync();
        await Expect(item).ToContainTextAsync("Đèn đường trước số 5");
        await Expect(page.Locator("#reports-map path.leaflet-interactive[stroke='#0b0c0c']").First).ToBeAttachedAsync();

        await item.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Phản ánh " + reportNumber })).ToBeVisibleAsync();
        await Expect(page.Locator(".feedback-photos img")).ToHaveCountAsync(1);
        Assert.True(await page.Locator(".feedback-photos img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 64"));
        Assert.Empty(violations);
    });

    [Fact]
    public Task The_reporting_page_its_errors_and_the_public_list_have_no_serious_accessibility_problems() => InBrowserAsync(async page =>
    {
        await page.GotoAsync("/feedback/report");
        await Axe.AssertNoSeriousViolationsAsync(page);
        await page.GotoAsync("/feedback/report?category=chieu-sang");
        await Expect(page.Locator("#report-map path.leaflet-interactive").First).ToBeAttachedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi phản ánh" }).ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert);
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Mô tả vấn đề bạn gặp." })).ToHaveAttributeAsync("href", "#description");
        await Axe.AssertNoSeriousViolationsAsync(page);

        await page.GotoAsync("/feedback");
        await Axe.AssertNoSeriousViolationsAsync(page);
    }, bypassCsp: true);
}
