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
/// <see cref="MaxBytes"/> each), stores cleaned copies and hands back unsaved rows: the caller adds them with
/// <see cref="Attach"/> in the transaction that saves the report or the answer.
/// </summary>
public sealed class FeedbackPhotos(IFileStore store, MotCuaDbContext db, TimeProvider clock)
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
        return new PhotoBatch(photos, location);
    }

    /// <summary>Adds the batch's rows to the unit of work, belonging to <paramref name="reportId"/>.</summary>
    public void Attach(PhotoBatch batch, Guid reportId)
    {
        foreach (var photo in batch.Photos)
        {
            photo.ReportId = reportId;
            if (db.Entry(photo).State == Microsoft.EntityFrameworkCore.EntityState.Detached) db.Add(photo);
        }
    }
}
