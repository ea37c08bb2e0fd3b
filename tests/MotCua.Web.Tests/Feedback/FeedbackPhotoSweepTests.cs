using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Feedback;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Feedback.Photos;
using MotCua.Web.Infrastructure.Storage;

namespace MotCua.Web.Tests.Feedback;

/// <summary>
/// Photos stored for a filing or an answer that was never saved: kept a day (a form may still use them), then their row
/// and file go; attached photos and young ones stay; two instances sweeping at once remove each once.
/// </summary>
public sealed class FeedbackPhotoSweepTests(ClockedFeedbackFactory factory) : IClassFixture<ClockedFeedbackFactory>
{
    private Task<PhotoBatch> StoreAsync() => factory.WithScopeAsync(sp =>
        sp.GetRequiredService<FeedbackPhotos>().StoreAsync([TestPhotos.File(TestPhotos.Jpeg())], CancellationToken.None));

    private Task<int> SweepAsync() => factory.WithScopeAsync(sp => sp.GetRequiredService<FeedbackPhotoSweep>().SweepAsync(CancellationToken.None));

    private async Task<(bool Row, bool File)> StateAsync(FeedbackPhoto photo)
    {
        var row = await factory.WithDbAsync(db => db.Set<FeedbackPhoto>().AnyAsync(p => p.Id == photo.Id));
        var file = await factory.WithScopeAsync(sp => sp.GetRequiredService<IFileStore>().ExistsAsync(new FileId(Guid.ParseExact(photo.FileId, "N"))));
        return (row, file);
    }

    [Fact]
    public async Task Unattached_photos_older_than_a_day_are_removed_row_and_file_and_the_others_stay()
    {
        var abandoned = await StoreAsync();
        var filed = await StoreAsync();
        var report = await factory.WithScopeAsync(sp => sp.GetRequiredService<FeedbackService>()
            .FileAsync(FeedbackFilingTests.Lighting() with { Photos = filed }, null, CancellationToken.None));
        Assert.Equal((true, true), await StateAsync(abandoned.Photos[0]));
        Assert.Equal(0, await SweepAsync());

        factory.Clock.Advance(TimeSpan.FromHours(25));
        var young = await StoreAsync();
        Assert.Equal(1, await SweepAsync());

        Assert.Equal((false, false), await StateAsync(abandoned.Photos[0]));
        Assert.Equal((true, true), await StateAsync(filed.Photos[0]));
        Assert.Equal((true, true), await StateAsync(young.Photos[0]));
        Assert.Equal(report.Id, (await factory.WithDbAsync(db => db.Set<FeedbackPhoto>().SingleAsync(p => p.Id == filed.Photos[0].Id))).ReportId);
        Assert.Equal(0, await SweepAsync());

        // A form carrying the swept photo to its next step no longer offers it; the young one is still there to use.
        var carried = await factory.WithScopeAsync(sp => sp.GetRequiredService<FeedbackPhotos>()
            .StillUnattachedAsync(new PhotoBatch([abandoned.Photos[0], young.Photos[0]], null), CancellationToken.None));
        Assert.Equal([young.Photos[0].Id], carried.Ids);
    }

    [Fact]
    public async Task Two_instances_sweeping_at_once_remove_each_photo_once()
    {
        var batches = new List<PhotoBatch>();
        for (var i = 0; i < 4; i++) batches.Add(await StoreAsync());
        factory.Clock.Advance(TimeSpan.FromHours(25));

        var removed = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(SweepAsync)));

        Assert.True(removed.Sum() >= 4);
        foreach (var batch in batches) Assert.Equal((false, false), await StateAsync(batch.Photos[0]));
        Assert.Equal(0, await SweepAsync());
    }
}
