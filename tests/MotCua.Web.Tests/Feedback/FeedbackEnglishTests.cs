using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MotCua.Web.Tests.Feedback.Reporting;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Feedback;

/// <summary>
/// The feedback pages in English (through the language switch, as a person changes language): every text the module keys in
/// Localization/feedback*.json has its English, and no Vietnamese text that has an English one is left on the page.
/// Category, unit and status texts written by people (data) stay as they were entered.
/// </summary>
public sealed partial class FeedbackEnglishTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    private static readonly string[] Areas = ["feedback."];

    private Dictionary<string, string> Table(string culture)
    {
        var localizer = factory.Services.GetRequiredService<IStringLocalizer<MotCuaOptions>>();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(culture);
            return localizer.GetAllStrings(false).Where(s => Areas.Any(a => s.Name.StartsWith(a, StringComparison.Ordinal)))
                .ToDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    /// <summary>The Vietnamese texts that must not show on an English page: each literal part of a keyed text that has an English one.</summary>
    private IReadOnlyList<string> VietnameseOnly()
    {
        var vi = Table("vi");
        var en = Table("en");
        return [.. vi.Where(p => en.TryGetValue(p.Key, out var e) && e != p.Value)
            .SelectMany(p => Placeholder().IsMatch(p.Value)
                // Around a placeholder only the longer pieces: "Phản ánh {0}" leaves "Phản ánh", which data says too.
                ? Placeholder().Split(p.Value).Select(s => s.Trim()).Where(s => s.Length >= 12)
                : [p.Value.Trim()])
            .Where(s => s.Length >= 4).Distinct()];
    }

    [Fact]
    public void Every_feedback_text_has_its_english()
    {
        var en = Table("en");
        Assert.DoesNotContain(Table("vi").Keys, k => !en.ContainsKey(k));
    }

    [Fact]
    public async Task The_citizen_pages_in_english_show_no_vietnamese_only_text()
    {
        var report = await ReportingClient.FileAsync(factory, ReportingClient.Place(7));
        using var client = StaffClient.Anonymous(factory);
        await InEnglishAsync(client);
        var pages = new Dictionary<string, string>();
        foreach (var url in new[] { "/feedback/report", "/feedback/report?category=chieu-sang", "/feedback", "/feedback?status=open",
                     $"/feedback/{report.Number}", $"/feedback/sent/{report.Number}" })
            pages[url] = await client.GetPageAsync(url);
        // The form sent empty comes back with its errors, in English.
        var form = await ReportingClient.SendAsync(client, new() { ["description"] = "" });
        pages["/feedback/report (errors)"] = WebUtility.HtmlDecode(await form.Content.ReadAsStringAsync());

        // A refusal the service writes (a file that is not a photo) is told in English too.
        var photo = await ReportingClient.SendAsync(client, ReportingClient.Lighting(ReportingClient.Place(7)), photos: [("a.jpg", "not a photo"u8.ToArray())]);
        pages["/feedback/report (photo refused)"] = WebUtility.HtmlDecode(await photo.Content.ReadAsStringAsync());
        Assert.Contains("\"a.jpg\" is not a JPEG or PNG photo.", pages["/feedback/report (photo refused)"], StringComparison.Ordinal);

        Assert.Contains("Report a problem", pages["/feedback/report"], StringComparison.Ordinal);
        Assert.Contains("Where?", pages["/feedback/report?category=chieu-sang"], StringComparison.Ordinal);
        Assert.Contains("Describe the problem.", pages["/feedback/report (errors)"], StringComparison.Ordinal);
        Assert.Contains("History", pages[$"/feedback/{report.Number}"], StringComparison.Ordinal);
        AssertNoVietnameseOnly(pages);
    }

    [Fact]
    public async Task The_staff_and_administration_pages_in_english_show_no_vietnamese_only_text()
    {
        var report = await ReportingClient.FileAsync(factory, ReportingClient.Place(0));
        using var leader = await StaffClient.SignInAsync(factory, "lanhdao@motcua.demo");
        using var admin = await StaffClient.SignInAsync(factory, "admin@motcua.demo");
        await InEnglishAsync(leader);
        await InEnglishAsync(admin);
        var pages = new Dictionary<string, string>();
        foreach (var view in new[] { "new", "unit", "dueSoon", "closed" })
            pages["/staff/feedback?view=" + view] = await leader.GetPageAsync("/staff/feedback?view=" + view);
        pages["/staff/feedback/{id}"] = await leader.GetPageAsync($"/staff/feedback/{report.Id}");
        foreach (var url in new[] { "/staff/feedback", "/admin/feedback/keys", "/admin/feedback/categories", "/admin/feedback/categories/chieu-sang" })
            pages[url] = await admin.GetPageAsync(url);

        // The handling service's refusal of an empty reason, in English.
        pages["/staff/feedback/{id} (reject refused)"] = WebUtility.HtmlDecode(await leader.PostFormExpectingErrorsAsync(
            $"/staff/feedback/{report.Id}", new() { ["Version"] = "1", ["Reason"] = "" }, $"/staff/feedback/{report.Id}?act=reject"));
        Assert.Contains("Give the reason.", pages["/staff/feedback/{id} (reject refused)"], StringComparison.Ordinal);

        Assert.Contains("Citizens' reports", WebUtility.HtmlDecode(pages["/staff/feedback?view=new"]), StringComparison.Ordinal);
        Assert.Contains("Handle the report", pages["/staff/feedback/{id}"], StringComparison.Ordinal);
        Assert.Contains("Report received", pages["/staff/feedback/{id}"], StringComparison.Ordinal);
        Assert.Contains("Open311 API keys", pages["/admin/feedback/keys"], StringComparison.Ordinal);
        AssertNoVietnameseOnly(pages);
    }

    /// <summary>The language switch every page links to: it sets the culture cookie the client then sends.</summary>
    private static async Task InEnglishAsync(StaffClient client) =>
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/culture?lang=en&returnUrl=/feedback")).StatusCode);

    private void AssertNoVietnameseOnly(Dictionary<string, string> pages)
    {
        var vietnamese = VietnameseOnly();
        var left = pages.SelectMany(p => vietnamese.Where(v => WebUtility.HtmlDecode(p.Value).Contains(v, StringComparison.Ordinal)).Select(v => $"{p.Key}: {v}")).ToList();
        Assert.Empty(left);
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
