namespace MotCua.Web.Features.Documents.Data;

/// <summary>
/// One PDF the product issued, as issued: the exact bytes (by hash and file id), what it is and for which dossier,
/// and its signature when signed. The id is random (a v4 Guid, from the operating system's cryptographic
/// generator) and is what the document's QR code opens: knowing one document's address reveals no other's.
/// Holds no personal data beyond <see cref="HolderMasked"/>.
/// </summary>
public sealed class IssuedDocument
{
    public Guid Id { get; init; }
    /// <summary>See <see cref="DocumentKinds"/>.</summary>
    public required string Kind { get; init; }
    public required string Title { get; init; }
    public Guid? DossierId { get; init; }
    public string? DossierCode { get; init; }
    public Guid? UnitId { get; init; }
    public required string UnitName { get; init; }
    /// <summary>The addressee's name masked ("N*** V** A"), so the page can say whose it is without saying it.</summary>
    public string? HolderMasked { get; init; }
    public required string Sha256 { get; init; }
    public Guid FileId { get; init; }
    public long Size { get; init; }
    public DateTimeOffset IssuedAt { get; init; }
    /// <summary>For slips drawn on request: a hash of what the slip says, so asking again serves the same issued file.</summary>
    public string? ContentKey { get; init; }
    public string? SignerName { get; init; }
    public string? SignerUnit { get; init; }
    public DateTimeOffset? SignedAt { get; init; }
    public string? SignerCertificate { get; init; }

    public bool IsSigned => SignedAt is not null;
}

/// <summary>The kinds of documents registered; other modules add theirs (e.g. "receipt" for payments).</summary>
public static class DocumentKinds
{
    public const string ResultNotice = "result-notice";
    public const string ResultAttachment = "result";
    public const string Receipt = "receipt";

    public static string Slip(string number) => "slip-" + number;
}
