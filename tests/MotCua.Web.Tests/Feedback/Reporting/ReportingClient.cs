using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Feedback;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Feedback.Reporting;

/// <summary>The reporting page's form as a browser sends it (multipart, its token and key), and the reports it leaves.</summary>
internal static partial class ReportingClient
{
    public const string Page = "/feedback/report";

    /// <summary>A place in Hoàn Kiếm, <paramref name="step"/> × ~330 m east of the lake: tests keep their reports apart.</summary>
    public static GeoPoint Place(int step) => new(21.0285, 105.8522 + step * 0.0032);

    public static Dictionary<string, string> Lighting(GeoPoint at, string description = "Đèn đường tắt cả tuần nay ở đầu phố.") => new()
    {
        ["lat"] = at.Latitude.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["lng"] = at.Longitude.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["description"] = description,
        ["a-tinh-trang"] = "tat",
    };

    /// <summary>Opens the form of <paramref name="category"/> and sends it; the key from the page unless given.</summary>
    public static async Task<HttpResponseMessage> SendAsync(StaffClient client, Dictionary<string, string> fields, string category = "chieu-sang",
        IReadOnlyList<(string Name, byte[] Bytes)>? photos = null, string? key = null)
    {
        var html = await client.GetPageAsync($"{Page}?category={category}");
        return await PostAsync(client, html, fields, category, photos, key);
    }

    /// <summary>Sends the form on <paramref name="html"/> (a page the form came back on keeps its key and its kept photos).</summary>
    public static async Task<HttpResponseMessage> PostAsync(StaffClient client, string html, Dictionary<string, string> fields, string category = "chieu-sang",
        IReadOnlyList<(string Name, byte[] Bytes)>? photos = null, string? key = null)
    {
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(StaffClient.Token(html)!), "__RequestVerificationToken");
        content.Add(new StringContent(category), "category");
        content.Add(new StringContent(key ?? Hidden(html, "key")), "key");
        if (!fields.ContainsKey("kept")) content.Add(new StringContent(Hidden(html, "kept")), "kept");
        foreach (var (name, value) in fields)
        {
            foreach (var one in value.Split('|')) content.Add(new StringContent(one), name);
        }
        foreach (var (name, bytes) in photos ?? [])
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(name.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "image/jpeg");
            content.Add(file, "photos", name);
        }
        return await client.Http.PostAsync(new Uri(Page, UriKind.Relative), content);
    }

    /// <summary>The report number a successful send redirected to.</summary>
    public static string NumberOf(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected the confirmation, got {(int)response.StatusCode}: " +
            StaffClient.ErrorSummary(response.Content.ReadAsStringAsync().Result));
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches(@"^/feedback/sent/PA-\d{6}-\d{5}$", location);
        return location["/feedback/sent/".Length..];
    }

    public static string Hidden(string html, string name) =>
        HiddenPattern(name).Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : "";

    private static Regex HiddenPattern(string name) => new($"<input type=\"hidden\" name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"");

    public static Task<int> CountAsync(MotCuaFactory factory) => factory.WithDbAsync(db => db.Set<FeedbackReport>().CountAsync());

    public static Task<FeedbackReport> LoadAsync(MotCuaFactory factory, string number) =>
        factory.WithDbAsync(db => db.Set<FeedbackReport>().AsNoTracking().SingleAsync(r => r.Number == number));

    /// <summary>Files a report straight through the service (for the public side's tests).</summary>
    public static Task<FeedbackReport> FileAsync(MotCuaFactory factory, GeoPoint at, Reporter? reporter = null, string category = "chieu-sang") =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<FeedbackService>().FileAsync(
            category == "chieu-sang" ? FeedbackFilingTests.Lighting(at, reporter)
                : new FeedbackFiling(category, at, null, "Rác tồn đọng ở đầu ngõ ba ngày.", FeedbackFilingTests.Answers(("loai", "sinh-hoat")),
                    Features.Feedback.Photos.PhotoBatch.None, reporter),
            null, CancellationToken.None));

    /// <summary>Changes a report as staff would (the staff pages are another module's): resolve, hide.</summary>
    public static Task ChangeAsync(MotCuaFactory factory, string number, Action<FeedbackReport> change) => factory.WithDbAsync(async db =>
    {
        var report = await db.Set<FeedbackReport>().SingleAsync(r => r.Number == number);
        change(report);
        await db.SaveChangesAsync();
        return 0;
    });

    public static void Resolve(FeedbackReport r, DateTimeOffset now) =>
        r.Resolve("Đã thay bóng đèn và kiểm tra lại toàn tuyến phố.", [Guid.NewGuid()], "staff-1", "Cán Bộ Phường", now);

    public static void Hide(FeedbackReport r) => r.Moderate(null, hidden: true, "mod-1", "Kiểm Duyệt", DateTimeOffset.UtcNow);
}
