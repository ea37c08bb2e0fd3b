using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Feedback;
using MotCua.Web.Features.Feedback.Data;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Tests.Citizens;
using MotCua.Web.Tests.Infrastructure;
using static MotCua.Web.Tests.Feedback.Reporting.ReportingClient;

namespace MotCua.Web.Tests.Feedback.Reporting;

/// <summary>
/// A host with a three-day reopening window. Time is real (VNeID's tokens are checked against it): a report answered
/// days ago is one resolved with that time.
/// </summary>
public sealed class ReopenWindowFactory : MotCuaFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("MotCua:Feedback:ReopenWindowDays", "3");
    }
}

/// <summary>The public list and a report's page, following, rating and reopening, on the real database.</summary>
public sealed class PublicPagesTests(ReopenWindowFactory factory) : IClassFixture<ReopenWindowFactory>
{
    private static readonly Reporter An = new() { CitizenId = CitizenClient.An, Name = "Nguyễn Văn An", Phone = "0912345678", Email = "an.nguyen@example.vn" };

    [Fact]
    public async Task The_list_and_the_page_show_the_moderated_report_and_its_answer_never_the_reporter_nor_a_hidden_report()
    {
        var shown = await FileAsync(factory, Place(10), An);
        await ChangeAsync(factory, shown.Number, r =>
        {
            r.Moderate("Đèn đường tắt ở đầu phố (đã bỏ thông tin cá nhân).", hidden: false, "mod-1", "Kiểm Duyệt", DateTimeOffset.UtcNow);
            Resolve(r, DateTimeOffset.UtcNow);
        });
        var hidden = await FileAsync(factory, Place(11), An);
        await ChangeAsync(factory, hidden.Number, Hide);

        using var client = StaffClient.Anonymous(factory);
        var list = await client.GetPageAsync("/feedback");
        var page = await client.GetPageAsync("/feedback/" + shown.Number);
        foreach (var html in new[] { list, page })
        {
            Assert.Contains(shown.Number, html, StringComparison.Ordinal);
            Assert.Contains("đã bỏ thông tin cá nhân", html, StringComparison.Ordinal);
            Assert.Contains("Đã thay bóng đèn", html, StringComparison.Ordinal);
            Assert.DoesNotContain(hidden.Number, html, StringComparison.Ordinal);
            foreach (var secret in new[] { "Nguyễn Văn An", "0912345678", "an.nguyen@example.vn", CitizenClient.An, "Cán Bộ Phường", "Kiểm Duyệt" })
                Assert.DoesNotContain(secret, System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        }
        Assert.Contains("/feedback/photos/", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Đèn đường ven hồ", page, StringComparison.Ordinal);

        using var reporter = await CitizenClient.SignInAsync(factory, CitizenClient.An);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/feedback/" + hidden.Number)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reporter.GetAsync("/feedback/" + hidden.Number)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/feedback/sent/" + hidden.Number)).StatusCode);
        var follow = await reporter.PostAsync("/feedback/" + shown.Number, $"/feedback/{hidden.Number}?handler=follow", []);
        Assert.Equal(HttpStatusCode.NotFound, follow.StatusCode);
        var mine = await reporter.GetPageAsync("/my/feedback");
        Assert.Contains(hidden.Number, mine, StringComparison.Ordinal);
        Assert.DoesNotContain($"/feedback/{hidden.Number}\"", mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_filters_by_category_status_and_unit_and_pages_through_and_ignores_nonsense()
    {
        var light = await FileAsync(factory, Place(12));
        var rubbish = await FileAsync(factory, Place(12), category: "rac-thai");
        using var client = StaffClient.Anonymous(factory);

        var lights = await client.GetPageAsync("/feedback?category=chieu-sang");
        Assert.Contains(light.Number, lights, StringComparison.Ordinal);
        Assert.DoesNotContain(rubbish.Number, lights, StringComparison.Ordinal);
        Assert.Contains(light.Number, await client.GetPageAsync("/feedback?status=open"), StringComparison.Ordinal);
        Assert.DoesNotContain(light.Number, await client.GetPageAsync("/feedback?status=closed"), StringComparison.Ordinal);
        Assert.Contains(light.Number, await client.GetPageAsync($"/feedback?unit={light.HandlingUnitId}"), StringComparison.Ordinal);
        Assert.DoesNotContain(light.Number, await client.GetPageAsync($"/feedback?unit={Guid.NewGuid()}"), StringComparison.Ordinal);
        Assert.Contains(rubbish.Number, await client.GetPageAsync("/feedback?category=nope&status=nope&p=-3"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/feedback?p=99999")).StatusCode);

        for (var i = 0; i < 21; i++) await FileAsync(factory, Place(13));
        var first = await client.GetPageAsync("/feedback?category=chieu-sang");
        Assert.Contains("rel=\"next\"", first, StringComparison.Ordinal);
        var second = await client.GetPageAsync("/feedback?category=chieu-sang&p=2");
        Assert.Contains("rel=\"prev\"", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_citizen_follows_another_report_with_their_VNeID_contact_sees_it_in_their_list_and_stops()
    {
        var report = await FileAsync(factory, Place(14), An);
        var url = "/feedback/" + report.Number;

        using var anonymous = StaffClient.Anonymous(factory);
        var refused = await anonymous.PostFormAsync(ReportingClient.Page + "?category=chieu-sang", [], url + "?handler=follow");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/citizen/sign-in", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var bich = await CitizenClient.SignInAsync(factory, CitizenClient.Bich);
        var followed = await bich.PostAsync(url, url + "?handler=follow", []);
        Assert.True(followed.StatusCode == HttpStatusCode.Redirect, await followed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await bich.PostAsync(url, url + "?handler=follow", [])).StatusCode);
        var rows = await factory.WithDbAsync(db => db.Set<FeedbackFollower>().AsNoTracking().Where(f => f.ReportId == report.Id).ToListAsync());
        var row = Assert.Single(rows);
        Assert.Equal(CitizenClient.Bich, row.CitizenId);
        Assert.Equal("bich.tran@example.vn", row.Email);
        Assert.Equal("0987654321", row.Phone);
        Assert.Contains(report.Number, await bich.GetPageAsync("/my/feedback"), StringComparison.Ordinal);
        Assert.Contains("handler=unfollow", await bich.GetPageAsync(url), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await bich.PostAsync(url, url + "?handler=unfollow", [])).StatusCode);
        Assert.Empty(await factory.WithDbAsync(db => db.Set<FeedbackFollower>().Where(f => f.ReportId == report.Id).ToListAsync()));
        Assert.DoesNotContain(report.Number, await bich.GetPageAsync("/my/feedback"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reporter_rates_the_answer_and_reopens_within_the_window_and_followers_are_told()
    {
        var report = await FileAsync(factory, Place(15), An);
        var url = "/feedback/" + report.Number;
        using var an = await CitizenClient.SignInAsync(factory, CitizenClient.An);
        using var bich = await CitizenClient.SignInAsync(factory, CitizenClient.Bich);
        await bich.PostAsync(url, url + "?handler=follow", []);

        // Not answered yet: nothing to rate.
        var early = await an.PostAsync(url, url + "?handler=rate", new() { ["score"] = "4" });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        await ChangeAsync(factory, report.Number, r => Resolve(r, DateTimeOffset.UtcNow.AddDays(-2)));

        Assert.Contains("handler=rate", await an.GetPageAsync(url), StringComparison.Ordinal);
        Assert.DoesNotContain("handler=rate", await bich.GetPageAsync(url), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await an.PostAsync(url, url + "?handler=rate", new() { ["score"] = "7" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await bich.PostAsync(url, url + "?handler=rate", new() { ["score"] = "1" })).StatusCode);
        Assert.Null((await LoadAsync(factory, report.Number)).Rating);

        Assert.Equal(HttpStatusCode.Redirect, (await an.PostAsync(url, url + "?handler=rate", new() { ["score"] = "2", ["comment"] = "Đèn vẫn chập chờn." })).StatusCode);
        var rated = await LoadAsync(factory, report.Number);
        Assert.Equal(2, rated.Rating!.Score);
        Assert.DoesNotContain("Đèn vẫn chập chờn", await StaffClient.Anonymous(factory).GetPageAsync(url), StringComparison.Ordinal);

        // Reopening needs a reason, and only the reporter may.
        Assert.Equal(HttpStatusCode.BadRequest, (await an.PostAsync(url, url + "?handler=reopen", new() { ["reason"] = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await bich.PostAsync(url, url + "?handler=reopen", new() { ["reason"] = "Vẫn tối." })).StatusCode);
        Assert.Equal(FeedbackStatus.Resolved, (await LoadAsync(factory, report.Number)).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await an.PostAsync(url, url + "?handler=reopen", new() { ["reason"] = "Đèn lại tắt từ hôm qua." })).StatusCode);
        var reopened = await LoadAsync(factory, report.Number);
        Assert.Equal(FeedbackStatus.InProgress, reopened.Status);
        Assert.True(reopened.DueAt > DateTimeOffset.UtcNow.AddDays(4));
        var mails = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.Type == EmailHandler.MessageType && m.Payload.Contains(report.Number)).Select(m => m.Payload).ToListAsync());
        // The reporter heard of the receipt and the reopening; the follower, who came after the receipt, of the reopening.
        Assert.Single(mails, m => m.Contains("bich.tran@example.vn", StringComparison.Ordinal));
        Assert.Equal(2, mails.Count(m => m.Contains("an.nguyen@example.vn", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Reopening_after_the_window_is_refused_and_changes_nothing()
    {
        var report = await FileAsync(factory, Place(16), An);
        var url = "/feedback/" + report.Number;
        await ChangeAsync(factory, report.Number, r => Resolve(r, DateTimeOffset.UtcNow.AddDays(-4)));
        using var an = await CitizenClient.SignInAsync(factory, CitizenClient.An);

        Assert.DoesNotContain("handler=reopen", await an.GetPageAsync(url), StringComparison.Ordinal);
        var response = await an.PostAsync(url, url + "?handler=reopen", new() { ["reason"] = "Vẫn tối." });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("3 ngày", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(FeedbackStatus.Resolved, (await LoadAsync(factory, report.Number)).Status);
    }
}
