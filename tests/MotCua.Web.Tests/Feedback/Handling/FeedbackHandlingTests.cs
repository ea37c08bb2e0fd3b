using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Feedback;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Feedback.Photos;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Feedback.Handling;

/// <summary>What the handling unit does with a report, over the JSON API, on the real database.</summary>
public sealed class FeedbackHandlingTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    internal static readonly Reporter Reporter = new() { Name = "Trần Thị Bích", Email = "bich@example.vn", Phone = "0987654321" };

    internal static Task<FeedbackReport> FileAsync(MotCuaFactory factory, PhotoBatch? photos = null) => factory.WithScopeAsync(sp =>
        sp.GetRequiredService<FeedbackService>().FileAsync(FeedbackFilingTests.Lighting(reporter: Reporter) with { Photos = photos ?? PhotoBatch.None }, null, CancellationToken.None));

    internal static Task<FeedbackReport> ReloadAsync(MotCuaFactory factory, Guid id) =>
        factory.WithDbAsync(db => db.Set<FeedbackReport>().AsNoTracking().SingleAsync(r => r.Id == id));

    /// <summary>The notices written for one event of the report (e-mail and SMS to the reporter).</summary>
    internal static Task<int> NoticesAsync(MotCuaFactory factory, Guid id, int sequence) => factory.WithDbAsync(db =>
    {
        var key = $"feedback:{id:N}:{sequence}:";
        return db.OutboxMessages.AsNoTracking().CountAsync(m => m.DedupeKey != null && m.DedupeKey.StartsWith(key));
    });

    internal static Task<HttpResponseMessage> ActAsync(StaffClient client, Guid id, string action, object body) =>
        client.Http.PostAsJsonAsync($"/api/v1/feedback/{id}/{action}", body);

    internal static async Task<HttpResponseMessage> ResolveAsync(StaffClient client, Guid id, int version, string answer, int photos)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(version.ToString(System.Globalization.CultureInfo.InvariantCulture)), "version" },
            { new StringContent(answer), "answer" },
        };
        for (var i = 0; i < photos; i++)
        {
            var file = new ByteArrayContent(TestPhotos.Jpeg());
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "photos", $"ket-qua-{i}.jpg");
        }
        return await client.Http.PostAsync(new Uri($"/api/v1/feedback/{id}/resolve", UriKind.Relative), form);
    }

    /// <summary>The field a 400 names, from its problem-details body.</summary>
    internal static async Task<string> FieldOfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("errors").EnumerateObject().Single().Name;
    }

    private const string Answer = "Đã thay bóng đèn và kiểm tra lại tủ điện; đèn sáng bình thường từ tối nay.";

    [Fact]
    public async Task The_ward_acknowledges_starts_and_answers_with_a_photo_and_the_reporter_is_told_each_time()
    {
        var report = await FileAsync(factory);
        using var specialist = await StaffClient.SignInAsync(factory, "chuyenvien@motcua.demo");

        Assert.Equal(HttpStatusCode.OK, (await ActAsync(specialist, report.Id, "acknowledge", new { version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(specialist, report.Id, "start", new { version = 2 })).StatusCode);
        // In the officer's own list now, and counted there.
        var mine = await specialist.Http.GetFromJsonAsync<JsonElement>("/api/v1/feedback?view=mine&category=chieu-sang");
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), i => i.GetProperty("number").GetString() == report.Number);
        Assert.True(mine.GetProperty("counts").GetProperty("mine").GetInt32() >= 1);
        Assert.Equal("status", await FieldOfAsync(await specialist.GetAsync("/api/v1/feedback?status=lost")));
        var resolved = await ResolveAsync(specialist, report.Id, 3, Answer, photos: 2);
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);

        var stored = await ReloadAsync(factory, report.Id);
        Assert.Equal(FeedbackStatus.Resolved, stored.Status);
        Assert.NotNull(stored.ClosedAt);
        var response = Assert.Single(stored.Responses);
        Assert.Equal(Answer, response.Text);
        Assert.Equal("Phạm Văn Xử", response.ByName);
        Assert.Equal(2, response.PhotoIds.Count);
        var attached = await factory.WithDbAsync(db => db.Set<FeedbackPhoto>().AsNoTracking().Where(p => p.ReportId == report.Id).Select(p => p.Id).ToListAsync());
        Assert.All(response.PhotoIds, p => Assert.Contains(p, attached));
        // The answer's photo is public (the report is not hidden), EXIF removed.
        var photo = await StaffClient.Anonymous(factory).GetAsync(FeedbackPhotoApi.PathOf(response.PhotoIds[0]));
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.DoesNotContain(TestPhotos.Secret, System.Text.Encoding.ASCII.GetString(await photo.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);

        foreach (var sequence in new[] { 2, 3, 4 }) Assert.Equal(2, await NoticesAsync(factory, report.Id, sequence)); // e-mail and SMS
        var audit = await factory.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.ObjectId == report.Id.ToString() && e.Outcome == AuditOutcomes.Done).Select(e => e.Action).ToListAsync());
        Assert.Contains("feedback.acknowledge", audit);
        Assert.Contains("feedback.start", audit);
        Assert.Contains("feedback.resolve", audit);
    }

    [Theory]
    [InlineData("Đã xử lý xong.", 1, "answer")]
    [InlineData(Answer, 0, "photos")]
    [InlineData(Answer, 6, "photos")]
    public async Task An_answer_without_substance_or_photos_is_refused_and_changes_nothing(string answer, int photos, string field)
    {
        var report = await FileAsync(factory);
        using var specialist = await StaffClient.SignInAsync(factory, "chuyenvien@motcua.demo");
        Assert.Equal(field, await FieldOfAsync(await ResolveAsync(specialist, report.Id, 1, answer, photos)));
        var stored = await ReloadAsync(factory, report.Id);
        Assert.Equal(FeedbackStatus.New, stored.Status);
        Assert.Equal(1, stored.Version);
        Assert.Empty(stored.Responses);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<FeedbackPhoto>().CountAsync(p => p.ReportId == report.Id)));
    }

    [Fact]
    public async Task A_report_rerouted_with_a_reason_shows_the_hop_and_leaves_the_first_wards_reach()
    {
        var report = await FileAsync(factory);
        using var specialist = await StaffClient.SignInAsync(factory, "chuyenvien@motcua.demo");
        var other = UnitCodes.Commune2025(2);

        Assert.Equal("reason", await FieldOfAsync(await ActAsync(specialist, report.Id, "reroute", new { version = 1, toUnit = other })));
        Assert.Equal("toUnit", await FieldOfAsync(await ActAsync(specialist, report.Id, "reroute", new { version = 1, toUnit = "KHONG-CO", reason = "Sai địa bàn" })));
        Assert.Equal("toUnit", await FieldOfAsync(await ActAsync(specialist, report.Id, "reroute", new { version = 1, reason = "Sai địa bàn" })));
        Assert.Equal(1, (await ReloadAsync(factory, report.Id)).Version);

        var moved = await ActAsync(specialist, report.Id, "reroute", new { version = 1, toUnit = other, reason = "Đoạn phố này thuộc phường bên cạnh." });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var stored = await ReloadAsync(factory, report.Id);
        var tree = await factory.WithScopeAsync(sp => sp.GetRequiredService<UnitDirectory>().TodayAsync());
        var hop = stored.Events[^1];
        Assert.Equal(FeedbackEventType.Rerouted, hop.Type);
        Assert.Equal(report.HandlingUnitId, hop.FromUnitId);
        Assert.Equal(tree.FindByCode(other)!.Id, hop.ToUnitId);
        Assert.Equal("Đoạn phố này thuộc phường bên cạnh.", hop.Reason);
        Assert.Equal(tree.FindByCode(other)!.Id, stored.HandlingUnitId);
        Assert.Equal(2, await NoticesAsync(factory, report.Id, hop.Sequence));

        // The first ward no longer handles it: for them it does not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await specialist.GetAsync($"/api/v1/feedback/{report.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ActAsync(specialist, report.Id, "acknowledge", new { version = stored.Version })).StatusCode);
        await TestStaff.EnsureAsync(factory, "fb-ward2@motcua.test", StaffRole.Specialist, other, "Chuyên Viên Phường Hai");
        using var next = await StaffClient.SignInAsync(factory, "fb-ward2@motcua.test");
        var json = await next.Http.GetFromJsonAsync<JsonElement>($"/api/v1/feedback/{report.Id}");
        var events = json.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal("rerouted", events[^1].GetProperty("type").GetString());
        Assert.Equal(report.HandlingUnitId, events[^1].GetProperty("fromUnitId").GetGuid());
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(next, report.Id, "acknowledge", new { version = stored.Version })).StatusCode);
    }

    [Fact]
    public async Task A_duplicate_is_linked_to_the_original_by_its_number()
    {
        var original = await FileAsync(factory);
        var copy = await FileAsync(factory);
        using var specialist = await StaffClient.SignInAsync(factory, "chuyenvien@motcua.demo");

        Assert.Equal("original", await FieldOfAsync(await ActAsync(specialist, copy.Id, "duplicate", new { version = 1 })));
        Assert.Equal("original", await FieldOfAsync(await ActAsync(specialist, copy.Id, "duplicate", new { version = 1, original = "PA-000000-99999" })));
        Assert.Equal("original", await FieldOfAsync(await ActAsync(specialist, copy.Id, "duplicate", new { version = 1, original = copy.Number })));
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(specialist, copy.Id, "duplicate", new { version = 1, original = original.Number })).StatusCode);

        var stored = await ReloadAsync(factory, copy.Id);
        Assert.Equal(FeedbackStatus.Duplicate, stored.Status);
        Assert.Equal(original.Id, stored.DuplicateOfId);
        Assert.Contains(original.Number, stored.Events[^1].PublicText, StringComparison.Ordinal);
        Assert.Equal(2, await NoticesAsync(factory, copy.Id, 2));
        // A duplicate of a duplicate points to the original instead.
        var third = await FileAsync(factory);
        Assert.Equal("original", await FieldOfAsync(await ActAsync(specialist, third.Id, "duplicate", new { version = 1, original = copy.Number })));
    }

    [Fact]
    public async Task A_rejected_report_is_closed_with_its_reason_and_cannot_be_acted_on_again()
    {
        var report = await FileAsync(factory);
        using var leader = await StaffClient.SignInAsync(factory, "lanhdao@motcua.demo");
        Assert.Equal("reason", await FieldOfAsync(await ActAsync(leader, report.Id, "reject", new { version = 1, reason = "  " })));
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(leader, report.Id, "reject", new { version = 1, reason = "Đèn thuộc khuôn viên tư nhân." })).StatusCode);
        var stored = await ReloadAsync(factory, report.Id);
        Assert.Equal(FeedbackStatus.Rejected, stored.Status);
        Assert.Equal("Không xử lý: Đèn thuộc khuôn viên tư nhân.", stored.Events[^1].PublicText);

        var again = await ActAsync(leader, report.Id, "acknowledge", new { version = stored.Version });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(stored.Version, (await ReloadAsync(factory, report.Id)).Version);
    }

    [Fact]
    public async Task Two_officers_at_once_one_succeeds_the_other_gets_the_conflict_and_nothing_is_applied_twice()
    {
        var report = await FileAsync(factory);
        using var specialist = await StaffClient.SignInAsync(factory, "chuyenvien@motcua.demo");
        using var leader = await StaffClient.SignInAsync(factory, "lanhdao@motcua.demo");

        var answers = await Task.WhenAll(
            ActAsync(specialist, report.Id, "acknowledge", new { version = 1 }),
            ActAsync(leader, report.Id, "reject", new { version = 1, reason = "Trùng lịch sửa chữa định kỳ." }));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        var conflict = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains("người khác cập nhật", await conflict.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var stored = await ReloadAsync(factory, report.Id);
        Assert.Equal(2, stored.Events.Count);
        Assert.Equal(2, stored.Version);
        Assert.Equal(2, await NoticesAsync(factory, report.Id, 2));
        Assert.Equal(0, await NoticesAsync(factory, report.Id, 3));

        // A stale page is a conflict as well.
        Assert.Equal(HttpStatusCode.Conflict, (await ActAsync(specialist, report.Id, "start", new { version = 1 })).StatusCode);
    }

    [Fact]
    public async Task Moderation_hides_the_report_and_its_photos_from_the_public_but_not_from_staff()
    {
        var photos = await factory.WithScopeAsync(sp => sp.GetRequiredService<FeedbackPhotos>().StoreAsync([TestPhotos.File(TestPhotos.Jpeg())], CancellationToken.None));
        var report = await FileAsync(factory, photos);
        using var leader = await StaffClient.SignInAsync(factory, "lanhdao@motcua.demo");
        using var specialist = await StaffClient.SignInAsync(factory, "chuyenvien@motcua.demo");
        var photo = report.PhotoIds[0];
        Assert.Equal(HttpStatusCode.OK, (await StaffClient.Anonymous(factory).GetAsync(FeedbackPhotoApi.PathOf(photo))).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(specialist, report.Id, "moderate", new { version = 1, hidden = true })).StatusCode);
        Assert.Equal("publishedText", await FieldOfAsync(await ActAsync(leader, report.Id, "moderate", new { version = 1, publishedText = new string('x', 4001) })));
        var published = "Đèn đường ven hồ tắt ba đêm nay.";
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(leader, report.Id, "moderate", new { version = 1, publishedText = published, hidden = true })).StatusCode);

        var stored = await ReloadAsync(factory, report.Id);
        Assert.True(stored.Hidden);
        Assert.Equal(published, stored.PublicDescription);
        Assert.Equal(FeedbackFilingTests.Lighting().Description, stored.Description);
        Assert.Equal(HttpStatusCode.NotFound, (await StaffClient.Anonymous(factory).GetAsync(FeedbackPhotoApi.PathOf(photo))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await specialist.GetAsync($"/staff/feedback/{report.Id}/photos/{photo}")).StatusCode);
        // Moderation is not a public change: nobody is told.
        Assert.Equal(0, await NoticesAsync(factory, report.Id, 2));
    }
}
