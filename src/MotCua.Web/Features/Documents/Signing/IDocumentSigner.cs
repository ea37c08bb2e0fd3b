namespace MotCua.Web.Features.Documents.Signing;

/// <summary>The officer a document is signed as, and the unit they sign for (the one issuing the document).</summary>
public sealed record SigningOfficer(Guid StaffId, string Name, Guid UnitId, string UnitCode, string UnitName);

/// <summary>No key or certificate for this officer (or the signing service refused): the document cannot be signed now.</summary>
public sealed class SigningUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The seam for where keys live: "sign these bytes as this officer", returning the detached CAdES CMS (DER) that
/// goes into the PDF's /Contents. The PDF side (<see cref="PdfIncrementalSigner"/>) never sees a key. Today: a
/// PKCS#12 file per officer, unit or server (<see cref="Pkcs12DocumentSigner"/>) and the demo CA
/// (<see cref="DemoDocumentSigner"/>). A USB token or a remote signing service is another implementation: it
/// hashes <c>content</c> (SHA-256), sends the hash (or the DER of the signed attributes) to the token or service,
/// and returns the CMS; see docs/documents.md.
/// </summary>
public interface IDocumentSigner
{
    /// <exception cref="SigningUnavailableException">No key for the officer, or the signing service failed.</exception>
    Task<byte[]> SignAsync(SigningOfficer officer, ReadOnlyMemory<byte> content, CancellationToken ct);
}
