using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MotCua.Web.Features.Documents;
using MotCua.Web.Features.Documents.Signing;

namespace MotCua.Web.Tests.Documents;

/// <summary>A throw-away CA and signer for the signing tests, made the way the demo CA makes its own.</summary>
internal sealed class TestCa
{
    public X509Certificate2 Root { get; }
    public X509Certificate2 Signer { get; }

    public TestCa(string signerName = "Hoàng Văn Duyệt", string unit = "Phường Hoàn Kiếm")
    {
        var now = DateTimeOffset.UtcNow;
        using var rootKey = RSA.Create(2048);
        var rootRequest = new CertificateRequest("CN=Test Root", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        Root = rootRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        using var key = RSA.Create(2048);
        var name = new X500DistinguishedNameBuilder();
        name.AddOrganizationName(unit);
        name.AddCommonName(signerName);
        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var issued = request.Create(Root, now.AddDays(-1), now.AddMonths(6), [1, 2, 3, 4]);
        Signer = issued.CopyWithPrivateKey(key);
    }

    public X509Certificate2Collection Trust => [X509CertificateLoader.LoadCertificate(Root.RawData)];

    public static byte[] SamplePdf() => PdfSlipWriter.Write(new SlipDocument
    {
        FormNumber = "KQ",
        Issuer = "Phường Hoàn Kiếm",
        Title = "Thông báo kết quả giải quyết hồ sơ",
        Blocks = [new SlipField("Mã hồ sơ", "000.01.60.H26-261124-0001"), new SlipParagraph("Yêu cầu của ông/bà đã được giải quyết theo quy định.")],
        QrUrl = "https://example.test/xac-thuc/1",
        FileName = "ket-qua.pdf",
    });

    public byte[] Sign(byte[] pdf, DateTimeOffset? at = null)
    {
        var prepared = PdfIncrementalSigner.Prepare(pdf, new SignatureFields("Hoàng Văn Duyệt", "Ký kết quả giải quyết", "Phường Hoàn Kiếm", at ?? DateTimeOffset.UtcNow));
        return PdfIncrementalSigner.Embed(prepared, CadesSignature.Sign(prepared.SignedContent(), Signer, [X509CertificateLoader.LoadCertificate(Root.RawData)]));
    }
}
