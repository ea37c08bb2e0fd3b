using System.Security.Cryptography;
using MotCua.Web.Features.Documents.Data;
using MotCua.Web.Features.Documents.Registry;
using MotCua.Web.Features.Documents.Signing;

namespace MotCua.Web.Features.Documents;

/// <summary>A registered document as the public sees it: the record, and whether the kept file still matches it.</summary>
public sealed record DocumentStatus(IssuedDocument Document, bool StoredIntact, PdfSignatureReport? Signature);

/// <summary>What an uploaded file turned out to be. <see cref="Error"/> is a localisation key when it could not be checked.</summary>
public sealed record UploadVerdict(string? Error, bool MatchesRegistered = false, PdfSignatureReport? Signature = null);

/// <summary>
/// The checks behind the verification page and its JSON twin: the registered file against its recorded SHA-256
/// and signature, and an uploaded file against both (byte for byte, then its own signature), so a changed byte
/// anywhere shows as "not the registered document" and, when it falls in the signed range, "signature invalid".
/// </summary>
public sealed class DocumentVerification(DocumentRegistry registry, SignatureTrust trust)
{
    /// <summary>Our PDFs are tens of kilobytes; a result attachment a few megabytes at most.</summary>
    public const long MaxUpload = 10 * 1024 * 1024;

    public async Task<DocumentStatus?> StatusAsync(Guid id, CancellationToken ct)
    {
        if (await registry.FindAsync(id, ct) is not { } document) return null;
        var bytes = await registry.BytesAsync(document, ct);
        var intact = bytes is not null && Convert.ToHexStringLower(SHA256.HashData(bytes)) == document.Sha256;
        var signature = bytes is not null && document.IsSigned ? PdfSignatureVerifier.Verify(bytes, await trust.RootsAsync(ct)) : null;
        return new DocumentStatus(document, intact, signature);
    }

    /// <summary>Reads at most <see cref="MaxUpload"/> + 1 bytes, so an oversize upload costs no more than that.</summary>
    public async Task<UploadVerdict> CheckAsync(IssuedDocument document, Stream upload, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await upload.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxUpload) return new UploadVerdict("documents.error.toolarge");
        }
        var bytes = buffer.ToArray();
        if (bytes.Length == 0) return new UploadVerdict("documents.error.empty");
        if (!bytes.AsSpan().StartsWith("%PDF-"u8)) return new UploadVerdict("documents.error.notpdf");
        var matches = Convert.ToHexStringLower(SHA256.HashData(bytes)) == document.Sha256;
        return new UploadVerdict(null, matches, PdfSignatureVerifier.Verify(bytes, await trust.RootsAsync(ct)));
    }
}
