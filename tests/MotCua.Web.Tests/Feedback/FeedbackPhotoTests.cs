using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Feedback;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Feedback.Data;
using MotCua.Web.Features.Feedback.Photos;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Feedback;

/// <summary>
/// Photos of reports: the place read from EXIF, every copy served without it (only the orientation kept), refused by
/// content, count and size, served only while the report is public; and the notices of a report's changes.
/// </summary>
public sealed class FeedbackPhotoTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    private static readonly GeoPoint Lake = FeedbackFilingTests.HoanKiemLake;

    private static bool Contains(byte[] bytes, string text) => Encoding.ASCII.GetString(bytes).Contains(text, StringComparison.Ordinal);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_place_is_read_and_nothing_but_the_orientation_is_kept(bool png)
    {
        var original = png ? TestPhotos.Png(Lake) : TestPhotos.Jpeg(Lake, orientation: 6);
        Assert.True(Contains(original, TestPhotos.Secret));
        using var cleaned = new MemoryStream();

        var facts = PhotoMetadata.Clean(original, png, cleaned);

        Assert.Equal(Lake.Latitude, facts.Location!.Latitude, 5);
        Assert.Equal(Lake.Longitude, facts.Location.Longitude, 5);
        var copy = cleaned.ToArray();
        Assert.False(Contains(copy, TestPhotos.Secret));
        Assert.False(Contains(copy, TestPhotos.Secret[..4]));
        // Read again: no place left in the copy; a JPEG keeps which way is up.
        var again = PhotoMetadata.Clean(copy, png, new MemoryStream());
        Assert.Null(again.Location);
        Assert.Equal(png ? 1 : 6, again.Orientation);
        // The picture itself is untouched: the copy ends with the same bytes.
        Assert.Equal(original[^12..], copy[^12..]);
    }

    [Fact]
    public void A_photo_without_a_place_or_with_hostile_offsets_is_read_without_fault()
    {
        Assert.Null(PhotoMetadata.Clean(TestPhotos.Jpeg(), false, new MemoryStream()).Location);
        var hostile = TestPhotos.Jpeg(Lake);
        // Point the GPS IFD far outside the block.
        var at = Encoding.ASCII.GetString(hostile).IndexOf("MM\0*", StringComparison.Ordinal) + 34 + 8;
        hostile[at] = 0x7F;
        Assert.Null(PhotoMetadata.Clean(hostile, false, new MemoryStream()).Location);
        Assert.Throws<InvalidDataException>(() => PhotoMetadata.Clean(TestPhotos.Jpeg()[..30], false, new MemoryStream()));
    }

    private Task<T> InScope<T>(Func<IServiceProvider, Task<T>> work) => factory.WithScopeAsync(work);

    private Task<FeedbackReport> FileWithAsync(params byte[][] photos) => InScope(async sp =>
    {
        var batch = await sp.GetRequiredService<FeedbackPhotos>().StoreAsync([.. photos.Select(p => TestPhotos.File(p))], CancellationToken.None);
        var filing = FeedbackFilingTests.Lighting() with { Pin = null, Address = "Bờ hồ, phố Đinh Tiên Hoàng", Photos = batch };
        return await sp.GetRequiredService<FeedbackService>().FileAsync(filing, null, CancellationToken.None);
    });

    [Fact]
    public async Task A_report_without_a_pin_is_placed_where_its_photo_was_taken_and_the_photo_is_served_clean()
    {
        var report = await FileWithAsync(TestPhotos.Jpeg(Lake, 3));
        Assert.Equal(Lake.Latitude, report.Location!.Latitude, 5);
        Assert.NotNull(report.LocatedUnitId);

        var client = factory.CreateClient();
        var served = await client.GetAsync(FeedbackPhotoApi.PathOf(report.PhotoIds[0]));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType!.MediaType);
        var bytes = await served.Content.ReadAsByteArrayAsync();
        Assert.False(Contains(bytes, TestPhotos.Secret));
        Assert.Null(PhotoMetadata.Clean(bytes, false, new MemoryStream()).Location);

        var open311 = JsonDocument.Parse(await client.GetStringAsync($"/open311/v2/requests/{report.Number}.json")).RootElement[0];
        Assert.EndsWith(FeedbackPhotoApi.PathOf(report.PhotoIds[0]), open311.GetProperty("media_url").GetString(), StringComparison.Ordinal);

        // Hidden by a moderator: the photo goes off the public site with the report.
        await factory.WithDbAsync(async db =>
        {
            var tracked = await db.Set<FeedbackReport>().SingleAsync(r => r.Id == report.Id);
            tracked.Moderate(null, hidden: true, "moderator", "Kiểm duyệt viên", DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(FeedbackPhotoApi.PathOf(report.PhotoIds[0]))).StatusCode);
    }

    [Fact]
    public async Task Photos_are_refused_by_content_count_and_size_and_a_failed_filing_serves_none()
    {
        var text = Encoding.UTF8.GetBytes("<html>not a photo</html>");
        var wrong = await Assert.ThrowsAsync<FeedbackProblem>(() => FileWithAsync(TestPhotos.Jpeg(), text));
        Assert.Equal("photos", wrong.Field);
        var many = await Assert.ThrowsAsync<FeedbackProblem>(() => FileWithAsync([.. Enumerable.Repeat(TestPhotos.Png(), 6)]));
        Assert.Contains("5", many.Message, StringComparison.Ordinal);
        var large = TestPhotos.Jpeg().Concat(new byte[FeedbackPhotos.MaxBytes]).ToArray();
        Assert.Equal("photos", (await Assert.ThrowsAsync<FeedbackProblem>(() => FileWithAsync(large))).Field);

        // Stored, but the report is refused (outside the city): the photo belongs to nothing and is never served.
        var orphan = await InScope(async sp =>
        {
            var batch = await sp.GetRequiredService<FeedbackPhotos>().StoreAsync([TestPhotos.File(TestPhotos.Jpeg())], CancellationToken.None);
            var filing = FeedbackFilingTests.Lighting(new GeoPoint(20.8449, 106.6881)) with { Photos = batch };
            await Assert.ThrowsAsync<FeedbackProblem>(() => sp.GetRequiredService<FeedbackService>().FileAsync(filing, null, CancellationToken.None));
            return batch.Photos[0].Id;
        });
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync(FeedbackPhotoApi.PathOf(orphan))).StatusCode);
    }

    [Fact]
    public async Task The_reporter_and_each_follower_are_told_once_per_change_even_sharing_an_address()
    {
        var reporter = new Reporter { CitizenId = "001089055555", Name = "Trần Thị Bình", Email = "binh@example.vn", Phone = "0912000111" };
        var report = await InScope(sp => sp.GetRequiredService<FeedbackService>().FileAsync(FeedbackFilingTests.Lighting(reporter: reporter), null, CancellationToken.None));
        await factory.WithDbAsync(async db =>
        {
            db.Add(new FeedbackFollower { ReportId = report.Id, CitizenId = "001089066666", Email = "cuong@example.vn", Since = DateTimeOffset.UtcNow });
            db.Add(new FeedbackFollower { ReportId = report.Id, CitizenId = "001089055555", Email = "BINH@example.vn", Phone = "0912000111", Since = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            var tracked = await db.Set<FeedbackReport>().SingleAsync(r => r.Id == report.Id);
            tracked.Acknowledge("staff", "Cán bộ phường", DateTimeOffset.UtcNow);
            var notifier = new FeedbackNotifier(db, new Web.Infrastructure.Outbox.OutboxWriter(db, TimeProvider.System),
                Microsoft.Extensions.Options.Options.Create(new MotCuaOptions()));
            await notifier.QueueAsync(tracked, tracked.Events.Count - 1, CancellationToken.None);
            await notifier.QueueAsync(tracked, tracked.Events.Count - 1, CancellationToken.None);
            return await db.SaveChangesAsync();
        });

        var messages = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.DedupeKey!.StartsWith($"feedback:{report.Id:N}:")).Select(m => new { m.Type, m.Payload, m.DedupeKey }).ToListAsync());
        Assert.Equal(2, messages.Count(m => m.DedupeKey!.Contains(":1:", StringComparison.Ordinal)));   // received: the reporter's e-mail and SMS
        var acknowledged = messages.Where(m => m.DedupeKey!.Contains(":2:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, acknowledged.Count(m => m.Type == EmailHandler.MessageType));                   // Bình once, Cường once
        Assert.Single(acknowledged, m => m.Type == SmsHandler.MessageType);
        Assert.DoesNotContain(messages, m => m.Payload.Contains("0912000111", StringComparison.Ordinal));
    }
}
