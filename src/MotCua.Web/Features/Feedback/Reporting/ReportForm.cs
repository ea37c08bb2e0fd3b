using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using MotCua.Domain.Feedback;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Feedback.Photos;

namespace MotCua.Web.Features.Feedback.Reporting;

/// <summary>The reporting form's pure parts: reading the fields, naming the fields of a problem, carrying photos across a step.</summary>
public static class ReportForm
{
    /// <summary>The form field that holds the answer to a category's question.</summary>
    public static string AnswerField(string code) => "a-" + code;

    /// <summary>A point from two text fields (a dot or a comma as the decimal mark); null when either is empty or not a number.</summary>
    public static GeoPoint? ParsePoint(string? lat, string? lng) =>
        double.TryParse(lat?.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var la)
        && double.TryParse(lng?.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var lo)
            ? new GeoPoint(la, lo) : null;

    /// <summary>The page's field id for a field named by <see cref="FeedbackProblem"/> (the Open311 names).</summary>
    public static string FieldOf(string problemField) => problemField switch
    {
        "service_code" => "category",
        "location" => "lat",
        "address_string" => "address",
        "photos" => "photos",
        _ when problemField.StartsWith("attribute[", StringComparison.Ordinal) => AnswerField(problemField[10..^1]),
        _ => "description",
    };

    /// <summary>The signed-in citizen as the reporter, from their VNeID claims; null when anonymous or not signed in.</summary>
    public static Reporter? ReporterOf(ClaimsPrincipal user, bool anonymous)
    {
        if (anonymous || CitizenIdentity.IdNumberOf(user) is not { } id) return null;
        static string? Claim(ClaimsPrincipal u, string type) => u.FindFirst(type)?.Value is { Length: > 0 } v ? v : null;
        return new Reporter
        {
            CitizenId = id, Name = Claim(user, CitizenIdentity.NameClaim),
            Phone = Claim(user, CitizenIdentity.PhoneClaim), Email = Claim(user, CitizenIdentity.EmailClaim),
        };
    }

    private sealed record KeptPhoto(Guid Id, string FileId, string ContentType, long Size, string Sha256, double? Latitude, double? Longitude, DateTimeOffset UploadedAt);

    /// <summary>
    /// Photos already stored, carried to the next step of the form (the nearby suggestions, or a correction) in a
    /// protected field so the citizen does not choose them again and cannot swap in someone else's files.
    /// </summary>
    public static string Keep(IDataProtector protector, PhotoBatch batch) => batch.Photos.Count == 0 ? "" : protector.Protect(JsonSerializer.Serialize(
        batch.Photos.Select(p => new KeptPhoto(p.Id, p.FileId, p.ContentType, p.Size, p.Sha256, p.Latitude, p.Longitude, p.UploadedAt))));

    public static PhotoBatch Restore(IDataProtector protector, string? kept)
    {
        if (string.IsNullOrEmpty(kept)) return PhotoBatch.None;
        try
        {
            var photos = JsonSerializer.Deserialize<List<KeptPhoto>>(protector.Unprotect(kept))!.Take(FeedbackPhotos.MaxPhotos).Select(p => new FeedbackPhoto
            {
                Id = p.Id, FileId = p.FileId, ContentType = p.ContentType, Size = p.Size, Sha256 = p.Sha256, Latitude = p.Latitude,
                Longitude = p.Longitude, UploadedAt = p.UploadedAt,
            }).ToList();
            return new PhotoBatch(photos, photos.Select(p => p.Location).FirstOrDefault(l => l is not null));
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or JsonException)
        {
            return PhotoBatch.None;
        }
    }
}
