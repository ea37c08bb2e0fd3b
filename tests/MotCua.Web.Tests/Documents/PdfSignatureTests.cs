using MotCua.Web.Features.Documents.Signing;
using MotCua.Web.Tests.Dossiers.Slips;

namespace MotCua.Web.Tests.Documents;

/// <summary>The incremental writer and the verifier, without a server: valid, tampered anywhere, appended to, wrong CA.</summary>
public sealed class PdfSignatureTests
{
    private static readonly TestCa Ca = new();
    private static readonly byte[] Signed = Ca.Sign(TestCa.SamplePdf());

    [Fact]
    public void A_signed_pdf_verifies_with_signer_unit_and_time()
    {
        var at = new DateTimeOffset(2026, 11, 24, 2, 30, 15, TimeSpan.Zero);
        var report = PdfSignatureVerifier.Verify(Ca.Sign(TestCa.SamplePdf(), at), Ca.Trust);
        Assert.True(report.Valid, report.Problem);
        Assert.Equal("Hoàng Văn Duyệt", report.SignerName);
        Assert.Equal("Phường Hoàn Kiếm", report.SignerUnit);
        Assert.Equal(at, report.SigningTime);
        Assert.False(report.ModifiedAfterSigning);
    }

    [Fact]
    public void The_original_bytes_are_kept_and_the_update_is_appended()
    {
        var original = TestCa.SamplePdf();
        var signed = Ca.Sign(original);
        // The PdfPig writer's output is not deterministic byte for byte, so sign one and compare with it.
        Assert.True(signed.Length > original.Length);
        var text = System.Text.Encoding.Latin1.GetString(signed, original.Length, signed.Length - original.Length);
        Assert.Contains("/SubFilter /ETSI.CAdES.detached", text, StringComparison.Ordinal);
        Assert.Contains("/Prev ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("signingTime", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.9999)]
    public void One_changed_byte_anywhere_is_detected(double where)
    {
        var tampered = (byte[])Signed.Clone();
        var at = (int)(where * (tampered.Length - 1));
        tampered[at] ^= 0x01;
        var report = PdfSignatureVerifier.Verify(tampered, Ca.Trust);
        Assert.False(report.Valid, $"a change at byte {at} of {tampered.Length} went unnoticed");
    }

    [Fact]
    public void Every_byte_of_the_signed_ranges_is_covered()
    {
        // Sweep a stride across the whole file: each change must break validity (a few hundred checks, fast).
        for (var at = 0; at < Signed.Length; at += 397)
        {
            var tampered = (byte[])Signed.Clone();
            tampered[at] = (byte)(tampered[at] == (byte)'7' ? '8' : '7');
            if (tampered[at] == Signed[at]) continue;
            Assert.False(PdfSignatureVerifier.Verify(tampered, Ca.Trust).Valid, $"byte {at} is not covered: {System.Text.Encoding.Latin1.GetString(Signed, Math.Max(0, at - 40), 80)}");
        }
    }

    [Fact]
    public void Bytes_appended_after_signing_are_reported()
    {
        byte[] appended = [.. Signed, .. "\n% added later\n"u8];
        var report = PdfSignatureVerifier.Verify(appended, Ca.Trust);
        Assert.True(report.Intact);
        Assert.True(report.ModifiedAfterSigning);
        Assert.False(report.Valid);
    }

    [Fact]
    public void A_certificate_from_another_ca_is_not_trusted()
    {
        var other = new TestCa("Kẻ Giả Mạo", "Đơn vị lạ");
        var report = PdfSignatureVerifier.Verify(other.Sign(TestCa.SamplePdf()), Ca.Trust);
        Assert.True(report.Intact);
        Assert.False(report.Trusted);
        Assert.False(report.Valid);
    }

    [Fact]
    public void An_unsigned_or_garbage_file_is_not_an_error()
    {
        Assert.False(PdfSignatureVerifier.Verify(TestCa.SamplePdf(), Ca.Trust).Signed);
        var garbage = PdfSignatureVerifier.Verify("%PDF-1.7 /ByteRange [0 5 999999 3] <zz>"u8.ToArray(), Ca.Trust);
        Assert.False(garbage.Valid);
        Assert.NotNull(garbage.Problem);
        Assert.Throws<PdfSigningException>(() => PdfIncrementalSigner.Prepare("not a pdf at all"u8.ToArray(), new SignatureFields("a", "b", "c", DateTimeOffset.UtcNow)));
    }

    [Fact]
    public async Task Poppler_pdfsig_finds_the_whole_document_signed_and_valid()
    {
        var output = await Pdfsig.RunAsync(Signed);
        Assert.Contains("Signature is Valid.", output, StringComparison.Ordinal);
        Assert.Contains("Total document signed", output, StringComparison.Ordinal);
        Assert.Contains("ETSI.CAdES.detached", output, StringComparison.Ordinal);
        // The words are still there for a reader after the update.
        Assert.Contains("giải quyết", await PdfTools.TextAsync(Signed), StringComparison.Ordinal);
    }
}
