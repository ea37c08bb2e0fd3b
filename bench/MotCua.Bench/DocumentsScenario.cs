using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MotCua.Web.Features.Documents;
using MotCua.Web.Features.Documents.Signing;

namespace MotCua.Bench;

/// <summary>
/// In-process cost of a result document: drawing the one-page notice as PDF (PdfPig, embedded font subset, QR
/// code), then signing it (PAdES incremental update + CAdES CMS with an RSA-2048 key, as the demo CA issues), and
/// the product's own verification of the signed file. No database or file store: those are measured elsewhere.
/// </summary>
internal sealed class DocumentsScenario : IScenario
{
    private const int Warmup = 30;
    private const int Documents = 500;

    public string Name => "documents";

    public string Description => $"PDF generation, signing and verification per document (in-process, {Documents} documents)";

    public void Run(TextWriter output)
    {
        var (signer, root) = Certificates();
        var trust = new X509Certificate2Collection(X509CertificateLoader.LoadCertificate(root.RawData));
        var generate = new List<double>();
        var sign = new List<double>();
        var verify = new List<double>();
        long bytes = 0;
        for (var i = 0; i < Warmup + Documents; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var pdf = PdfSlipWriter.Write(Notice(i));
            var drawn = Stopwatch.GetTimestamp();
            var prepared = PdfIncrementalSigner.Prepare(pdf, new SignatureFields("Hoàng Văn Duyệt", "Ký ban hành kết quả", "Phường Hoàn Kiếm", DateTimeOffset.UtcNow));
            var signed = PdfIncrementalSigner.Embed(prepared, CadesSignature.Sign(prepared.SignedContent(), signer, [root]));
            var done = Stopwatch.GetTimestamp();
            if (!PdfSignatureVerifier.Verify(signed, trust).Valid) throw new InvalidOperationException("a signed document did not verify");
            var checkedAt = Stopwatch.GetTimestamp();
            if (i < Warmup) continue;
            generate.Add(Stopwatch.GetElapsedTime(start, drawn).TotalMilliseconds);
            sign.Add(Stopwatch.GetElapsedTime(drawn, done).TotalMilliseconds);
            verify.Add(Stopwatch.GetElapsedTime(done, checkedAt).TotalMilliseconds);
            bytes += signed.Length;
        }
        output.WriteLine(Line("generate PDF", generate));
        output.WriteLine(Line("sign (PAdES)", sign));
        output.WriteLine(Line("verify", verify));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  signed document size: {bytes / Documents / 1024.0:F1} KB on average"));
    }

    private static string Line(string what, List<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"  {what,-14} median {Latencies.Percentile(sorted, 50),7:F2} ms   p99 {Latencies.Percentile(sorted, 99),7:F2} ms   max {sorted[^1],7:F2} ms");
    }

    private static SlipDocument Notice(int i) => new()
    {
        FormNumber = "KQ",
        Issuer = "Phường Hoàn Kiếm",
        Title = "THÔNG BÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
        Subtitle = $"Hồ sơ 000.01.60.H26-261124-{i:D4}",
        Blocks =
        [
            new SlipField("Kính gửi", "Nguyễn Văn An"),
            new SlipField("Thủ tục", "Đăng ký khai sinh"),
            new SlipField("Mã hồ sơ", $"000.01.60.H26-261124-{i:D4}"),
            new SlipField("Kết quả", "Đã giải quyết"),
            new SlipParagraph("Yêu cầu của ông/bà đã được giải quyết theo quy định. Kết quả được trả theo hình thức đã đăng ký."),
        ],
        Signers = [new SlipSigner("NGƯỜI KÝ", "Hoàng Văn Duyệt")],
        QrUrl = $"https://dichvucong.hanoi.example/xac-thuc/{Guid.NewGuid()}",
        QrCaption = "Quét mã QR để xác thực văn bản này.",
        FileName = "ket-qua.pdf",
    };

    private static (X509Certificate2 Signer, X509Certificate2 Root) Certificates()
    {
        var now = DateTimeOffset.UtcNow;
        using var rootKey = RSA.Create(2048);
        var rootRequest = new CertificateRequest("CN=Bench Root", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        var root = rootRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Hoang Van Duyet, O=Phuong Hoan Kiem", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var issued = request.Create(root, now.AddDays(-1), now.AddMonths(6), [1, 2, 3]);
        return (issued.CopyWithPrivateKey(key), X509CertificateLoader.LoadCertificate(root.RawData));
    }
}
