using MotCua.Domain.Feedback;

namespace MotCua.Web.Features.Feedback.Photos;

/// <summary>
/// A photo of a report (the citizen's) or of its answer (the unit's): the cleaned copy in the file store (EXIF gone,
/// see <see cref="PhotoMetadata"/>) and what its EXIF said. It belongs to a report from the transaction that saved the
/// report or answer; a photo whose filing failed never gets one and is never served.
/// </summary>
public sealed class FeedbackPhoto
{
    public Guid Id { get; set; }
    public Guid? ReportId { get; set; }
    /// <summary>The cleaned copy in the store (32 hex digits).</summary>
    public required string FileId { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    /// <summary>Where the photo says it was taken (EXIF GPS), kept as data; the file itself no longer says it.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public DateTimeOffset UploadedAt { get; set; }

    public GeoPoint? Location => Latitude is { } la && Longitude is { } lo ? new GeoPoint(la, lo) : null;
}
