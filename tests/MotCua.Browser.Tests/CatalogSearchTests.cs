using System.Globalization;
using System.Text.RegularExpressions;
using MotCua.Browser.Tests.Infrastructure;

namespace MotCua.Browser.Tests;

/// <summary>A citizen finds a procedure the way they would type it: often without accents, sometimes misspelt.</summary>
public sealed partial class CatalogSearchTests(ProductServer server, ChromiumFixture chromium) : BrowserTest(server, chromium)
{
    private const string BirthRegistration = "Thủ tục đăng ký khai sinh";

    [Theory]
    [InlineData("dang ky khai sinh")]
    [InlineData("dang ki khai sinh")]
    [InlineData("khai sinh")]
    public Task Searching_from_the_home_page_lists_birth_registration_first(string query) => InBrowserAsync(async page =>
    {
        await SearchFromHomeAsync(page, query);

        await Expect(page).ToHaveURLAsync(SearchUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thủ tục hành chính");
        await Expect(Results(page).First).ToHaveTextAsync(BirthRegistration);
        // The query stays in the box, so the citizen can refine it.
        await Expect(page.GetByLabel("Tìm thủ tục", new() { Exact = true })).ToHaveValueAsync(query);
    }, variant: query);

    [Fact]
    public Task Opening_the_result_shows_documents_time_limit_and_fees() => InBrowserAsync(async page =>
    {
        await SearchFromHomeAsync(page, "dang ky khai sinh");
        await Results(page).First.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/procedures/1\.001193$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(BirthRegistration);
        await Expect(page).ToHaveTitleAsync(new Regex("^" + BirthRegistration));

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thành phần hồ sơ", Level = 2 })).ToBeVisibleAsync();
        var documents = page.GetByRole(AriaRole.Table).First;
        await Expect(documents.GetByRole(AriaRole.Columnheader, new() { Name = "Tên giấy tờ" })).ToBeVisibleAsync();
        await Expect(documents.GetByRole(AriaRole.Columnheader, new() { Name = "Bắt buộc" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Giấy chứng sinh" }).First).ToBeVisibleAsync();
        Assert.True(await page.Locator("table tbody tr").CountAsync() >= 5, "the birth registration lists at least five documents");

        await Expect(Summary(page, "Thời hạn giải quyết")).ToContainTextAsync("1 ngày làm việc");
        await Expect(Summary(page, "Phí, lệ phí")).ToContainTextAsync("8.000 đ mỗi bản");
    });

    [Fact]
    public Task Filtering_by_field_narrows_the_results() => InBrowserAsync(async page =>
    {
        await page.GotoAsync("/procedures");
        var everything = await CountAsync(page);

        var field = page.GetByLabel("Lĩnh vực", new() { Exact = true });
        await field.SelectOptionAsync(new SelectOptionValue { Value = "Hộ tịch" });
        var optionText = await field.Locator("option:checked").TextContentAsync() ?? "";
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]field=H%E1%BB%99"));
        await Expect(page.GetByLabel("Lĩnh vực", new() { Exact = true })).ToHaveValueAsync("Hộ tịch");
        var filtered = await CountAsync(page);
        Assert.InRange(filtered, 1, everything - 1);
        // The count beside the option is the count the search reports.
        Assert.Equal($"Hộ tịch ({filtered})", optionText.Trim());
        foreach (var meta in await page.Locator("ol.results .meta").AllTextContentsAsync())
        {
            Assert.Contains("· Hộ tịch ·", meta, StringComparison.Ordinal);
        }
        await Expect(Results(page).Filter(new() { HasText = BirthRegistration }).First).ToBeVisibleAsync();
    });

    private static async Task SearchFromHomeAsync(IPage page, string query)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("Tìm thủ tục", new() { Exact = true }).FillAsync(query);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm", Exact = true }).ClickAsync();
    }

    private static ILocator Results(IPage page) => page.Locator("ol.results > li > a");

    private static ILocator Summary(IPage page, string term) =>
        page.Locator("dl.summary-list dt", new() { HasTextString = term }).Locator("xpath=following-sibling::dd[1]");

    private static async Task<int> CountAsync(IPage page)
    {
        var status = await page.GetByRole(AriaRole.Status).TextContentAsync() ?? "";
        var match = Number().Match(status);
        Assert.True(match.Success, $"the result count is shown: '{status}'");
        return int.Parse(match.Value, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static Regex SearchUrl() => new(@"/procedures\?q=");

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();
}
