using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Feedback;
using MotCua.Web.Infrastructure;
using MotCua.Web.Infrastructure.Persistence;
using MotCua.Web.Infrastructure.Storage;

namespace MotCua.Web.Features.Feedback.Photos;

/// <summary>
/// The public copy of a report's or an answer's photo (EXIF already removed when it was stored): served only while its
/// report is on the public map, i.e. not hidden by a moderator. Staff see a hidden report's photos on their own pages.
/// </summary>
public static class FeedbackPhotoApi
{
    public const string PathPrefix = "/feedback/photos/";

    public static string PathOf(Guid photoId) => PathPrefix + photoId.ToString("N");

    public static WebApplication MapFeedbackPhotos(this WebApplication app)
    {
        app.MapGet(PathPrefix + "{id:guid}", async (Guid id, MotCuaDbContext db, IFileStore store, CancellationToken ct) =>
        {
            var photo = await db.Set<FeedbackPhoto>().AsNoTracking()
                .Where(p => p.Id == id && db.Set<FeedbackReport>().Any(r => r.Id == p.ReportId && !r.Hidden))
                .Select(p => new { p.FileId, p.ContentType, p.Sha256 }).FirstOrDefaultAsync(ct);
            return photo is null ? Results.NotFound() : await ServeAsync(store, photo.FileId, photo.ContentType, photo.Sha256, ct);
        }).AllowAnonymous().RequireRateLimiting(PublicRateLimits.PublicApi);
        return app;
    }

    /// <summary>Streams a stored photo with its hash as the ETag (the bytes never change once stored).</summary>
    public static async Task<IResult> ServeAsync(IFileStore store, string fileId, string contentType, string sha256, CancellationToken ct)
    {
        if (!FileId.TryParse(fileId, out var file) || await store.OpenReadAsync(file, ct) is not { } stream) return Results.NotFound();
        return Results.File(stream, contentType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{sha256}\""));
    }
}
