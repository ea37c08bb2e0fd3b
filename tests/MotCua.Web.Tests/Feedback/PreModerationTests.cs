using System.Net;
using Microsoft.AspNetCore.Hosting;
using MotCua.Web.Features.Feedback.Photos;
using MotCua.Web.Tests.Feedback.Handling;
using MotCua.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Feedback;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Tests.Citizens;

namespace MotCua.Web.Tests.Feedback;

public sealed class PreModerationFactory : MotCuaFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The product's default, which the shared test factory turns off.
        builder.UseSetting("MotCua:Feedback:ModerateBeforePublishing", "true");
    }
}

/// <summary>
/// Moderation before publication (the default): a new report is nowhere public — page, list, Open311, photos, nearby —
/// until staff moderate it; its reporter still sees it; once moderated it is public with the moderated text.
/// </summary>
public sealed class PreModerationTests(PreModerationFactory factory) : IClassFixture<PreModerationFactory>
{
    private async Task<HttpStatusCode> PublicAsync(string path) => (await StaffClient.Anonymous(factory).GetAsync(path)).StatusCode;

    [Fact]
    public async Task A_new_report_is_public_only_after_its_first_moderation_and_then_with_the_moderated_text()
    {
        var photos = await factory.WithScopeAsync(sp => sp.GetRequiredService<FeedbackPhotos>().StoreAsync([TestPhotos.File(TestPhotos.Jpeg())], CancellationToken.None));
        var report = await FeedbackHandlingTests.FileAsync(factory, photos);
        Assert.True(report.AwaitsModeration);

        Assert.Equal(HttpStatusCode.NotFound, await PublicAsync($"/feedback/{report.Number}"));
        Assert.Equal(HttpStatusCode.NotFound, await PublicAsync($"/open311/v2/requests/{report.Number}.json"));
        Assert.Equal(HttpStatusCode.NotFound, await PublicAsync(FeedbackPhotoApi.PathOf(report.PhotoIds[0])));
        Assert.DoesNotContain(report.Number, await StaffClient.Anonymous(factory).GetPageAsync("/open311/v2/requests.json"), StringComparison.Ordinal);
        Assert.DoesNotContain(report.Number, await StaffClient.Anonymous(factory).GetPageAsync("/feedback"), StringComparison.Ordinal);
        // The confirmation page says it waits for review instead of linking to a page that is not there yet.
        var sent = await StaffClient.Anonymous(factory).GetPageAsync($"/feedback/sent/{report.Number}");
        Assert.DoesNotContain($"href=\"/feedback/{report.Number}\"", sent, StringComparison.Ordinal);

        // Staff see it waiting; moderating it (as a leader) publishes it with the text the public may see.
        using var leader = await StaffClient.SignInAsync(factory, "lanhdao@motcua.demo");
        Assert.Contains("chờ kiểm duyệt", await leader.GetPageAsync($"/staff/feedback/{report.Id}"), StringComparison.Ordinal);
        var published = "Đèn đường ven hồ tắt ba đêm nay.";
        Assert.Equal(HttpStatusCode.OK, (await FeedbackHandlingTests.ActAsync(leader, report.Id, "moderate", new { version = report.Version, publishedText = published })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, await PublicAsync($"/feedback/{report.Number}"));
        Assert.Equal(HttpStatusCode.OK, await PublicAsync(FeedbackPhotoApi.PathOf(report.PhotoIds[0])));
        var open311 = await StaffClient.Anonymous(factory).GetPageAsync($"/open311/v2/requests/{report.Number}.json");
        Assert.Contains(published, open311, StringComparison.Ordinal);
        Assert.DoesNotContain(FeedbackFilingTests.Lighting().Description!, open311, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Its_reporter_sees_a_report_awaiting_moderation_and_nobody_else_does()
    {
        var reporter = new Reporter { CitizenId = CitizenClient.An, Name = "Nguyễn Văn An", Phone = "0912345678" };
        var report = await factory.WithScopeAsync(sp => sp.GetRequiredService<FeedbackService>()
            .FileAsync(FeedbackFilingTests.Lighting(reporter: reporter), null, CancellationToken.None));
        Assert.True(report.AwaitsModeration);

        using var an = await CitizenClient.SignInAsync(factory, CitizenClient.An);
        using var bich = await CitizenClient.SignInAsync(factory, CitizenClient.Bich);
        Assert.Equal(HttpStatusCode.OK, (await an.Client.GetAsync($"/feedback/{report.Number}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bich.Client.GetAsync($"/feedback/{report.Number}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await PublicAsync($"/feedback/{report.Number}"));
    }
}
