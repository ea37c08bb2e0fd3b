using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace MotCua.Web.Features.Documents.Signing;

/// <summary>
/// The detached CMS that a PAdES baseline B-B signature carries (ETSI EN 319 142-1, /SubFilter /ETSI.CAdES.detached):
/// SHA-256, signed attributes content-type and message-digest (added by SignedCms whenever there are signed
/// attributes) and ESS signing-certificate-v2, which binds the signer's certificate to the signature. PAdES forbids
/// the signing-time attribute (the time is the signature dictionary's /M), so none is added. The whole chain
/// below the root goes in, and the root too, so a verifier can build the path without fetching anything.
/// </summary>
public static class CadesSignature
{
    public const string Sha256Oid = "2.16.840.1.101.3.4.2.1";
    public const string SigningCertificateV2Oid = "1.2.840.113549.1.9.16.2.47";

    /// <param name="certificate">The signer's certificate with its private key.</param>
    /// <param name="chain">The issuing certificates (intermediates and root), public parts only.</param>
    public static byte[] Sign(ReadOnlyMemory<byte> content, X509Certificate2 certificate, IEnumerable<X509Certificate2> chain)
    {
        var cms = new SignedCms(new ContentInfo(content.ToArray()), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
        {
            DigestAlgorithm = new Oid(Sha256Oid),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        foreach (var issuer in chain) signer.Certificates.Add(issuer);
        signer.SignedAttributes.Add(new AsnEncodedData(SigningCertificateV2Oid, SigningCertificateV2(certificate)));
        cms.ComputeSignature(signer, silent: true);
        return cms.Encode();
    }

    /// <summary>
    /// SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } with one ESSCertIDv2 ::= SEQUENCE {
    /// certHash OCTET STRING (SHA-256, the default algorithm, so omitted), issuerSerial SEQUENCE { issuer
    /// GeneralNames (one directoryName [4]), serialNumber INTEGER } } (RFC 5035).
    /// </summary>
    public static byte[] SigningCertificateV2(X509Certificate2 certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSequence())
        using (writer.PushSequence())
        {
            writer.WriteOctetString(SHA256.HashData(certificate.RawData));
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true)))
                    writer.WriteEncodedValue(certificate.IssuerName.RawData);
                writer.WriteInteger(certificate.SerialNumberBytes.Span);
            }
        }
        return writer.Encode();
    }

    /// <summary>The certificate hash inside an ESS signing-certificate-v2 value (null when it is not one we can read).</summary>
    public static byte[]? CertHashOf(ReadOnlyMemory<byte> value)
    {
        try
        {
            var outer = new AsnReader(value, AsnEncodingRules.DER).ReadSequence();
            var certs = outer.ReadSequence();
            var id = certs.ReadSequence();
            // A hash algorithm other than the SHA-256 default would come first as a SEQUENCE; we only write and accept the default.
            return id.PeekTag().HasSameClassAndValue(Asn1Tag.PrimitiveOctetString) ? id.ReadOctetString() : null;
        }
        catch (AsnContentException)
        {
            return null;
        }
    }
}
