using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Documents.Data;
using MotCua.Web.Features.Documents.Signing;
using MotCua.Web.Infrastructure.Persistence;
using MotCua.Web.Infrastructure.Storage;

namespace MotCua.Web.Features.Documents.Registry;

/// <summary>What a module says about a PDF it issues. <paramref name="HolderName"/> is masked before it is kept.</summary>
public sealed record DocumentIssue(string Kind, string Title, Guid? DossierId, string? DossierCode, Guid? UnitId, string UnitName, string? HolderName, string? ContentKey = null);

/// <summary>
/// The register of every PDF the product issues, for other modules too (slips, results, payment receipts):
/// reserve an id (<see cref="NewId"/>) so the document can print its own verification address
/// (<see cref="VerificationUrl"/>) in its QR code, then <see cref="StageAsync"/> the exact bytes with the caller's
/// own unit of work, or <see cref="RegisterAsync"/> them on their own.
/// </summary>
public sealed class DocumentRegistry(MotCuaDbContext db, IFileStore files, PublicAddress address, IHttpContextAccessor http, TimeProvider clock)
{
    public const string PagePath = "/xac-thuc/";

    public static Guid NewId() => Guid.NewGuid();

    public static string PathFor(Guid id) => PagePath + id.ToString("D");

    /// <summary>The absolute address for paper; a bare path when no request is at hand (a background job).</summary>
    public string VerificationUrl(Guid id) =>
        http.HttpContext?.Request is { } request ? address.Absolute(request, PathFor(id)) : PathFor(id);

    /// <summary>Stores the bytes and adds the record to the context: it is saved with the caller's next SaveChanges.</summary>
    public async Task<IssuedDocument> StageAsync(Guid id, DocumentIssue issue, byte[] pdf, SignatureSummary? signature, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(issue);
        ArgumentNullException.ThrowIfNull(pdf);
        await using var content = new MemoryStream(pdf, writable: false);
        var stored = await files.SaveAsync(content, "application/pdf", ct);
        var document = new IssuedDocument
        {
            Id = id,
            Kind = issue.Kind,
            Title = issue.Title,
            DossierId = issue.DossierId,
            DossierCode = issue.DossierCode,
            UnitId = issue.UnitId,
            UnitName = issue.UnitName,
            HolderMasked = issue.HolderName is { } name ? NameMask.Mask(name) : null,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)),
            FileId = stored.Id.Value,
            Size = pdf.Length,
            IssuedAt = clock.GetUtcNow(),
            ContentKey = issue.ContentKey,
            SignerName = signature?.SignerName,
            SignerUnit = signature?.SignerUnit,
            SignedAt = signature?.SignedAt,
            SignerCertificate = signature?.CertificateThumbprint,
        };
        db.Add(document);
        return document;
    }

    public async Task<IssuedDocument> RegisterAsync(Guid id, DocumentIssue issue, byte[] pdf, SignatureSummary? signature, CancellationToken ct)
    {
        var document = await StageAsync(id, issue, pdf, signature, ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // Not left tracked: the request's later saves (its audit entry) would fail on it again.
            Discard([document]);
            throw;
        }
        return document;
    }

    /// <summary>Takes back staged records whose action failed, so a later save in the same request does not keep them.</summary>
    public void Discard(IEnumerable<IssuedDocument> staged)
    {
        foreach (var document in staged) db.Entry(document).State = EntityState.Detached;
    }

    public Task<IssuedDocument?> FindAsync(Guid id, CancellationToken ct) =>
        db.Set<IssuedDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);

    public Task<IssuedDocument?> FindByContentAsync(Guid dossierId, string kind, string contentKey, CancellationToken ct) =>
        db.Set<IssuedDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.DossierId == dossierId && d.Kind == kind && d.ContentKey == contentKey, ct);

    /// <summary>The registered bytes, or null when the file is gone from the store.</summary>
    public async Task<byte[]?> BytesAsync(IssuedDocument document, CancellationToken ct)
    {
        await using var stream = await files.OpenReadAsync(new FileId(document.FileId), ct);
        if (stream is null) return null;
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, ct);
        return copy.ToArray();
    }
}

/// <summary>"Nguyễn Văn An" → "N***** V** A*": enough to recognise one's own paper, not enough to learn a name.</summary>
public static class NameMask
{
    public static string Mask(string name) => string.Join(' ',
        name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => char.ToUpperInvariant(w[0]) + new string('*', Math.Max(1, w.Length - 1))));
}
