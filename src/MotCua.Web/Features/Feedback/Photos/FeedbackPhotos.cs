using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Feedback;
using MotCua.Web.Features.Dossiers.Attachments;
using MotCua.Web.Infrastructure.Persistence;
using MotCua.Web.Infrastructure.Storage;

namespace MotCua.Web.Features.Feedback.Photos;

/// <summary>Photos as sent: checked, their EXIF read and removed, the cleaned copies stored. Nothing is in the database yet.</summary>
public sealed record PhotoBatch(IReadOnlyList<FeedbackPhoto> Photos, GeoPoint? Location)
{
    public static readonly PhotoBatch None = new([], null);

    public IReadOnlyList<Guid> Ids => [.. Photos.Select(p => p.Id)];
}

/// <summary>
/// Takes the photos of a report or an answer (up to <see cref="MaxPhotos"/>, JPEG or PNG by content, at most
/// <see cref="MaxBytes"/> each), stores cleaned copies and records them as rows of no report yet (file first, then
/// row: a crash in between leaves a file nothing points to, never a row without its file). The caller gives them their
/// report with <see cref="Attach"/> in the transaction that saves the report or the answer; those never attached (a
/// filing abandoned at the nearby step, a refused answer) are removed by <see cref="FeedbackPhotoSweep"/>.
/// </summary>
public sealed class FeedbackPhotos(IFileStore store, MotCuaDbContext db, IServiceScopeFactory scopes, TimeProvider clock)
{
    public const int MaxPhotos = 5;
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>Checks every photo before storing any; a refusal names the field "photos" and says which photo.</summary>
    public async Task<PhotoBatch> StoreAsync(IReadOnlyList<IFormFile> files, CancellationToken ct)
    {
        var sent = files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (sent.Count == 0) return PhotoBatch.None;
        if (sent.Count > MaxPhotos) throw new FeedbackProblem("photos", $"Tối đa {MaxPhotos} ảnh.");
        var read = new List<(byte[] Bytes, bool Png, string Name)>();
        foreach (var (file, i) in sent.Select((f, i) => (f, i + 1)))
        {
            var name = SafeFileName.Clean(file.FileName) ?? $"ảnh {i}";
            if (file.Length == 0) throw new FeedbackProblem("photos", $"Ảnh \"{name}\" trống.");
            if (file.Length > MaxBytes) throw new FeedbackProblem("photos", $"Ảnh \"{name}\" lớn hơn {MaxBytes / 1024 / 1024} MB.");
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            var bytes = buffer.ToArray();
            var kind = ContentSniffer.FromMagic(bytes.AsSpan(0, Math.Min(bytes.Length, 1024)));
            if (kind is not (FileKind.Jpeg or FileKind.Png))
                throw new FeedbackProblem("photos", $"\"{name}\" không phải ảnh JPEG hoặc PNG.");
            read.Add((bytes, kind == FileKind.Png, name));
        }

        var photos = new List<FeedbackPhoto>();
        GeoPoint? location = null;
        foreach (var (bytes, png, name) in read)
        {
            using var cleaned = new MemoryStream(bytes.Length);
            PhotoFacts facts;
            try
            {
                facts = PhotoMetadata.Clean(bytes, png, cleaned);
            }
            catch (InvalidDataException)
            {
                throw new FeedbackProblem("photos", $"Ảnh \"{name}\" bị hỏng, không đọc được.");
            }
            cleaned.Position = 0;
            var contentType = png ? "image/png" : "image/jpeg";
            var stored = await store.SaveAsync(cleaned, contentType, ct);
            location ??= facts.Location;
            photos.Add(new FeedbackPhoto
            {
                Id = Guid.NewGuid(), FileId = stored.Id.ToString(), ContentType = contentType, Size = stored.Size, Sha256 = stored.Sha256Hex,
                Latitude = facts.Location?.Latitude, Longitude = facts.Location?.Longitude, UploadedAt = clock.GetUtcNow(),
            });
        }
        // In a context of its own: the caller's unit of work (a report already loaded and tracked) must not be saved here.
        await using (var scope = scopes.CreateAsyncScope())
        {
            var own = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
            own.AddRange(photos);
            await own.SaveChangesAsync(ct);
        }
        return new PhotoBatch(photos, location);
    }

    /// <summary>
    /// The photos of a batch carried over from an earlier request (<see cref="Reporting.ReportForm.Restore"/>) that are still
    /// stored and still nobody's: the sweep may have removed an old one, and a batch replayed after its report was filed is
    /// already attached.
    /// </summary>
    public async Task<PhotoBatch> StillUnattachedAsync(PhotoBatch batch, CancellationToken ct)
    {
        if (batch.Photos.Count == 0) return batch;
        var ids = batch.Ids.ToList();
        var free = (await db.Set<FeedbackPhoto>().AsNoTracking().Where(p => ids.Contains(p.Id) && p.ReportId == null).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        var kept = batch.Photos.Where(p => free.Contains(p.Id)).ToList();
        return kept.Count == batch.Photos.Count ? batch : new PhotoBatch(kept, kept.Select(p => p.Location).FirstOrDefault(l => l is not null));
    }

    /// <summary>
    /// Gives the batch's rows to <paramref name="reportId"/> in the caller's unit of work: an update of rows that exist, so
    /// a photo swept meanwhile makes the save fail (a concurrency conflict) rather than point a report at a missing file.
    /// </summary>
    public void Attach(PhotoBatch batch, Guid reportId)
    {
        foreach (var photo in batch.Photos)
        {
            var entry = db.Entry(photo);
            if (entry.State == EntityState.Detached)
            {
                photo.ReportId = null;
                db.Attach(photo);
            }
            entry.Property(p => p.ReportId).CurrentValue = reportId;
        }
    }
}
