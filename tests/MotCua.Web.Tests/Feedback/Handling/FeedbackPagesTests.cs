using System.Net;
using System.Net.Http.Headers;
using MotCua.Domain.Feedback;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Tests.Infrastructure;
using static MotCua.Web.Tests.Feedback.Handling.FeedbackHandlingTests;

namespace MotCua.Web.Tests.Feedback.Handling;

/// <summary>The staff pages, as a browser without JavaScript uses them: the inbox, a report, its action forms.</summary>
public sealed class FeedbackPagesTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    [Fact]
    public async Task The_ward_sees_the_report_in_its_inbox_and_handles_it_with_the_forms()
    {
        var report = await FileAsync(factory);
        using var specialist = await StaffClient.SignInAsync(factory, "chuyenvien@motcua.demo");

        var inbox = await specialist.GetPageAsync("/staff/feedback?view=new");
        Assert.Contains(report.Number, inbox, StringComparison.Ordinal);
        var page = await specialist.GetPageAsync($"/staff/feedback/{report.Id}");
        Assert.Contains("id=\"form-acknowledge\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"form-resolve\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"form-moderate\"", page, StringComparison.Ordinal);
        Assert.Contains(FeedbackFilingTests.Lighting().Description!, page, StringComparison.Ordinal);
        Assert.Contains("****4321", page, StringComparison.Ordinal);
        Assert.DoesNotContain("0987654321", page, StringComparison.Ordinal);

        // A missing reason: the form again, the message beside the field and linked from the summary; nothing changed.
        var url = $"/staff/feedback/{report.Id}";
        var errors = await specialist.PostFormExpectingErrorsAsync(url, new() { ["Version"] = "1", ["Reason"] = "" }, url + "?act=reject");
        Assert.Contains("href=\"#reject-Reason\"", errors, StringComparison.Ordinal);
        Assert.Contains("id=\"reject-Reason-error\"", errors, StringComparison.Ordinal);
        Assert.Equal(1, (await ReloadAsync(factory, report.Id)).Version);

        Assert.Equal($"{url}?done=acknowledge", await specialist.PostFormExpectingRedirectAsync(url, new() { ["Version"] = "1" }, url + "?act=acknowledge"));
        // The same form from a stale page: a conflict, said plainly.
        var stale = await specialist.PostFormAsync(url, new() { ["Version"] = "1" }, url + "?act=start");
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("id=\"problem\"", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The answer with its photo, as the multipart form posts it.
        var html = await specialist.GetPageAsync(url);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(StaffClient.Token(html)!), "__RequestVerificationToken" },
            { new StringContent("2"), "Version" },
            { new StringContent("Đã thay bóng đèn hỏng, đèn sáng lại từ 18 giờ hôm nay."), "Answer" },
        };
        var photo = new ByteArrayContent(TestPhotos.Jpeg());
        photo.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(photo, "Photos", "ket-qua.jpg");
        var answered = await specialist.Http.PostAsync(new Uri(url + "?act=resolve", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var done = await specialist.GetPageAsync(url + "?done=resolve");
        Assert.Contains("Đã thay bóng đèn hỏng", done, StringComparison.Ordinal);
        Assert.Contains("/photos/", done, StringComparison.Ordinal);
        Assert.Equal(FeedbackStatus.Resolved, (await ReloadAsync(factory, report.Id)).Status);
    }

    [Fact]
    public async Task Another_wards_staff_do_not_see_the_report_and_the_counter_gets_no_forms()
    {
        var report = await FileAsync(factory);
        await TestStaff.EnsureAsync(factory, "fb-pages-other@motcua.test", StaffRole.Specialist, UnitCodes.Commune2025(2), "Chuyên Viên Khác");
        using var other = await StaffClient.SignInAsync(factory, "fb-pages-other@motcua.test");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/staff/feedback/{report.Id}")).StatusCode);
        Assert.DoesNotContain(report.Number, await other.GetPageAsync("/staff/feedback?view=unit"), StringComparison.Ordinal);

        using var counter = await StaffClient.SignInAsync(factory, "motcua@motcua.demo");
        var page = await counter.GetPageAsync($"/staff/feedback/{report.Id}");
        Assert.DoesNotContain("class=\"action-form\"", page, StringComparison.Ordinal);
        var refused = await counter.PostFormAsync($"/staff/feedback/{report.Id}", new() { ["Version"] = "1" }, $"/staff/feedback/{report.Id}?act=acknowledge");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(1, (await ReloadAsync(factory, report.Id)).Version);
    }
}
