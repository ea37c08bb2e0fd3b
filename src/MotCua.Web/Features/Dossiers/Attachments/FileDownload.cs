using System.Globalization;
using MotCua.Web.Infrastructure.Storage;

namespace MotCua.Web.Features.Dossiers.Attachments;

/// <summary>
/// Serves a stored file as a download: always an attachment (never shown inline, so a PDF's active content or a
/// disguised page cannot run on our origin), with the type we sniffed at upload and nosniff (docs/adr/0009).
/// </summary>
public static class FileDownload
{
    public static async Task<IResult> ServeAsync(IFileStore store, HttpContext http, Guid fileId, string fileName, string contentType, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(http);
        var stream = await store.OpenReadAsync(new FileId(fileId), ct);
        if (stream is null) return Results.NotFound();
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
        // Results.File writes Content-Disposition: attachment with an ASCII filename and the RFC 5987 filename*.
        return Results.File(stream, contentType, SafeFileName.Clean(fileName) ?? "tep-dinh-kem");
    }
}

public static class FileSizes
{
    /// <summary>"850 KB", "1,2 MB": enough to tell a scan from an empty file.</summary>
    public static string Text(long bytes) => bytes < 1024 * 1024
        ? string.Create(CultureInfo.CurrentCulture, $"{Math.Max(1, bytes / 1024)} KB")
        : string.Create(CultureInfo.CurrentCulture, $"{bytes / (1024d * 1024d):0.#} MB");
}
