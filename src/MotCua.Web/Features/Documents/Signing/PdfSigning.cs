namespace MotCua.Web.Features.Documents.Signing;

/// <summary>What the registry keeps of a signature: who, for which unit, when, with which certificate (SHA-256 thumbprint).</summary>
public sealed record SignatureSummary(string SignerName, string? SignerUnit, DateTimeOffset SignedAt, string CertificateThumbprint);

public sealed record SignedPdf(byte[] Bytes, SignatureSummary Signature);

/// <summary>
/// Signs a PDF as an officer: the signature revision is prepared, its bytes signed by whichever
/// <see cref="IDocumentSigner"/> is configured, the CMS embedded, and the result checked by the product's own
/// verifier before anyone sees it (a signature that does not verify is a failure, not a document).
/// </summary>
public sealed class PdfSigning(IDocumentSigner signer, SignatureTrust trust, TimeProvider clock)
{
    public async Task<SignedPdf> SignAsync(byte[] pdf, SigningOfficer officer, string reason, CancellationToken ct)
    {
        var prepared = PdfIncrementalSigner.Prepare(pdf, new SignatureFields(officer.Name, reason, officer.UnitName, clock.GetUtcNow()));
        var cms = await signer.SignAsync(officer, prepared.SignedContent(), ct);
        var signed = PdfIncrementalSigner.Embed(prepared, cms);
        var report = PdfSignatureVerifier.Verify(signed, await trust.RootsAsync(ct));
        if (!report.Signed || !report.Intact || report.ModifiedAfterSigning || report.SignerName is null || report.SigningTime is null)
            throw new SigningUnavailableException("Chữ ký số vừa tạo không kiểm tra được: " + (report.Problem ?? "chữ ký không hợp lệ."));
        return new SignedPdf(signed, new SignatureSummary(report.SignerName, report.SignerUnit, report.SigningTime.Value, report.CertificateThumbprint!));
    }
}
