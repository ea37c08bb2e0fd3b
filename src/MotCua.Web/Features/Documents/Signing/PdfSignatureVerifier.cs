using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace MotCua.Web.Features.Documents.Signing;

/// <summary>What a verifier found in a PDF's last signature. <see cref="Problem"/> is set when it could not be checked at all.</summary>
public sealed record PdfSignatureReport
{
    public bool Signed { get; init; }
    /// <summary>The CMS signature and its message digest match the bytes the /ByteRange names.</summary>
    public bool Intact { get; init; }
    /// <summary>Bytes follow the signed revision: the file was changed (or added to) after signing.</summary>
    public bool ModifiedAfterSigning { get; init; }
    /// <summary>The signer's certificate chains to one of the trusted roots.</summary>
    public bool Trusted { get; init; }
    public string? SignerName { get; init; }
    public string? SignerUnit { get; init; }
    public DateTimeOffset? SigningTime { get; init; }
    public string? CertificateThumbprint { get; init; }
    public string? Problem { get; init; }

    public bool Valid => Signed && Intact && !ModifiedAfterSigning && Trusted;

    public static PdfSignatureReport Unsigned { get; } = new();
}

/// <summary>
/// Checks the last signature of a PDF from the bytes alone, the way an independent tool would: the /ByteRange must
/// start at 0, end at the end of the file and leave out exactly the /Contents hex string; the CMS must verify over
/// those bytes (signature and message-digest attribute); its ESS signing-certificate-v2 must name the signer's
/// certificate; the certificate must chain, at the signing time, to a trusted root. Reads hostile uploads: any
/// malformed part is a <see cref="PdfSignatureReport.Problem"/>, never an exception.
/// </summary>
public static partial class PdfSignatureVerifier
{
    public static PdfSignatureReport Verify(byte[] pdf, X509Certificate2Collection trustedRoots)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(trustedRoots);
        var text = Encoding.Latin1.GetString(pdf);
        var at = text.LastIndexOf("/ByteRange", StringComparison.Ordinal);
        if (at < 0) return PdfSignatureReport.Unsigned;
        try
        {
            return Check(pdf, text, at, trustedRoots);
        }
        catch (Exception e) when (e is CryptographicException or AsnContentException or FormatException or OverflowException or ArgumentException)
        {
            return new PdfSignatureReport { Signed = true, Problem = "Chữ ký không đọc được: " + e.GetType().Name };
        }
    }

    private static PdfSignatureReport Check(byte[] pdf, string text, int at, X509Certificate2Collection roots)
    {
        var range = ByteRange().Match(text, at);
        if (!range.Success || range.Index != at) return Bad("/ByteRange không đúng dạng.");
        var r = range.Groups.Cast<Group>().Skip(1).Select(g => long.Parse(g.Value, CultureInfo.InvariantCulture)).ToArray();
        // The signed bytes are [0, r1) and [r2, r2 + r3); the gap must be exactly "<hex…>", the /Contents value.
        if (r[0] != 0 || r[1] <= 0 || r[2] <= r[1] + 1 || r[2] + r[3] > pdf.Length) return Bad("/ByteRange không khớp với tệp.");
        int start = (int)r[1], end = (int)r[2];
        if (pdf[start] != '<' || pdf[end - 1] != '>' || !IsHex(pdf.AsSpan(start + 1, end - start - 2)))
            return Bad("/ByteRange không loại trừ đúng /Contents.");
        var dictionary = Dictionary(text, at);
        if (!dictionary.Contains("/ETSI.CAdES.detached", StringComparison.Ordinal) && !dictionary.Contains("/adbe.pkcs7.detached", StringComparison.Ordinal))
            return Bad("Kiểu chữ ký không được hỗ trợ.");

        var hex = Convert.FromHexString(text.AsSpan(start + 1, end - start - 2));
        // The hole is padded with zeros after the DER value; only the value itself is the CMS.
        AsnDecoder.ReadEncodedValue(hex, AsnEncodingRules.BER, out _, out _, out var length);
        // The padding is outside the CMS, so nothing else would notice a change there: it must be zeros.
        if (hex.AsSpan(length).ContainsAnyExcept((byte)0)) return Bad("/Contents có dữ liệu ngoài chữ ký.");
        byte[] content = [.. pdf.AsSpan(0, start), .. pdf.AsSpan(end, (int)r[3])];
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        cms.Decode(hex.AsSpan(0, length));
        if (cms.SignerInfos.Count != 1 || cms.SignerInfos[0].Certificate is not { } certificate) return Bad("Chữ ký không có chứng thư của người ký.");
        var intact = true;
        try { cms.CheckSignature(verifySignatureOnly: true); }
        catch (CryptographicException) { intact = false; }
        intact &= NamesItsCertificate(cms.SignerInfos[0], certificate) && HeaderAgrees(hex.AsMemory(0, length), cms.SignerInfos[0].DigestAlgorithm.Value);

        var signingTime = SigningTime(dictionary);
        return new PdfSignatureReport
        {
            Signed = true,
            Intact = intact,
            ModifiedAfterSigning = r[2] + r[3] != pdf.Length,
            Trusted = Chains(certificate, cms.Certificates, roots, signingTime),
            SignerName = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false),
            SignerUnit = Unit(certificate.SubjectName),
            SigningTime = signingTime,
            CertificateThumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256),
        };
    }

    /// <summary>ESS signing-certificate-v2 (required by PAdES) must hold the hash of the certificate that signed.</summary>
    private static bool NamesItsCertificate(SignerInfo signer, X509Certificate2 certificate)
    {
        foreach (var attribute in signer.SignedAttributes)
        {
            if (attribute.Oid.Value != CadesSignature.SigningCertificateV2Oid || attribute.Values.Count != 1) continue;
            return CadesSignature.CertHashOf(attribute.Values[0].RawData) is { } hash && hash.AsSpan().SequenceEqual(SHA256.HashData(certificate.RawData));
        }
        return false;
    }

    /// <summary>
    /// The SignedData fields that no signature covers and .NET does not check: its version (1 for issuer-and-serial
    /// signers, 3 otherwise) and its list of digest algorithms, which must be the signer's. A changed byte there
    /// must not pass as a valid file either.
    /// </summary>
    private static bool HeaderAgrees(ReadOnlyMemory<byte> der, string? digest)
    {
        var content = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
        content.ReadObjectIdentifier();
        var signedData = content.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadSequence();
        if (!signedData.TryReadInt32(out var version) || version is not (1 or 3)) return false;
        var algorithms = signedData.ReadSetOf();
        var any = false;
        while (algorithms.HasData)
        {
            var algorithm = algorithms.ReadSequence();
            if (algorithm.ReadObjectIdentifier() != digest) return false;
            any = true;
        }
        return any;
    }

    private static bool Chains(X509Certificate2 certificate, X509Certificate2Collection included, X509Certificate2Collection roots, DateTimeOffset? at)
    {
        if (roots.Count == 0) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.ExtraStore.AddRange(included);
        // Offline by design: the demo CA publishes no revocation lists; a production CA's would be checked by a B-LT profile.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (at is { } time) chain.ChainPolicy.VerificationTime = time.UtcDateTime;
        if (!chain.Build(certificate)) return false;
        // The CMS's certificate bag is not covered by the signature: a certificate in it that is not the path we
        // built (a changed byte in the included root, say) would otherwise pass unnoticed.
        var path = chain.ChainElements.Select(e => e.Certificate.RawData).ToList();
        return included.All(c => path.Any(p => p.AsSpan().SequenceEqual(c.RawData)));
    }

    /// <summary>The unit named in the certificate: its organisational unit, else its organisation.</summary>
    internal static string? Unit(X500DistinguishedName name)
    {
        string? organisation = null, unit = null;
        foreach (var rdn in name.EnumerateRelativeDistinguishedNames())
        {
            var oid = rdn.GetSingleElementType().Value;
            if (oid == "2.5.4.10") organisation = rdn.GetSingleElementValue();
            else if (oid == "2.5.4.11") unit = rdn.GetSingleElementValue();
        }
        return unit ?? organisation;
    }

    /// <summary>The signature dictionary's text: from the "obj" before /ByteRange to the "endobj" after it.</summary>
    private static string Dictionary(string text, int at)
    {
        var start = Math.Max(0, text.LastIndexOf(" obj", at, Math.Min(at + 1, 4096), StringComparison.Ordinal));
        var end = text.IndexOf("endobj", at, StringComparison.Ordinal);
        return text[start..(end < 0 ? text.Length : end)];
    }

    private static DateTimeOffset? SigningTime(string dictionary)
    {
        var m = PdfDate().Match(dictionary);
        if (!m.Success) return null;
        var local = DateTime.ParseExact(m.Groups[1].Value, "yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var sign = m.Groups[2].Value == "-" ? -1 : 1;
        var offset = m.Groups[3].Success
            ? sign * new TimeSpan(int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), m.Groups[4].Success ? int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture) : 0, 0)
            : TimeSpan.Zero;
        if (offset.Duration() > TimeSpan.FromHours(14)) return null;
        return new DateTimeOffset(local, offset);
    }

    /// <summary>
    /// Hex digits in one case only: "A" and "a" decode alike, so a mixed case is the one change inside /Contents that
    /// the CMS could not notice. Signers write one case throughout.
    /// </summary>
    private static bool IsHex(ReadOnlySpan<byte> span)
    {
        bool upper = false, lower = false;
        foreach (var b in span)
        {
            if (!char.IsAsciiHexDigit((char)b)) return false;
            upper |= b is >= (byte)'A' and <= (byte)'F';
            lower |= b is >= (byte)'a' and <= (byte)'f';
        }
        return span.Length > 0 && span.Length % 2 == 0 && !(upper && lower);
    }

    private static PdfSignatureReport Bad(string problem) => new() { Signed = true, Problem = problem };

    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d{1,10})\s+(\d{1,10})\s+(\d{1,10})\s+(\d{1,10})\s*\]")]
    private static partial Regex ByteRange();

    [GeneratedRegex(@"/M\s*\(D:(\d{14})(?:([+\-Z])(\d{2})?'?(\d{2})?'?)?\)")]
    private static partial Regex PdfDate();
}
