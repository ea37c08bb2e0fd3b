using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Documents.Data;
using MotCua.Web.Features.Documents.Signing;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure.Persistence;
using MotCua.Web.Infrastructure.Storage;
using MotCua.Web.Tests.Dossiers;
using MotCua.Web.Tests.Dossiers.Slips;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Documents;

/// <summary>
/// A result issued over the API comes out signed by the leader who approved it: poppler's pdfsig and the product's
/// verifier agree, the QR code opens the public verification page, and uploads of the file (exact, tampered, too
/// large, not a PDF) are judged with the right message and never a 500.
/// </summary>
public sealed class SignedResultTests(SlipsFactory factory) : IClassFixture<SlipsFactory>
{
    private async Task<(Dossier Dossier, IssuedDocument Document, byte[] Pdf)> IssuedAsync(string key)
    {
        var (id, version) = await ResultFlow.ApprovedAsync(factory, key);
        using (var counter = await StaffClient.SignInAsync(factory, ResultFlow.Counter)) await ResultFlow.ActAsync(counter, id, "result", new { version });

        return await factory.WithScopeAsync(async sp =>
        {
            var dossier = await sp.GetRequiredService<DossierService>().LoadAsync(id, CancellationToken.None);
            var document = await sp.GetRequiredService<MotCuaDbContext>().Set<IssuedDocument>().SingleAsync(d => d.DossierId == id && d.Kind == DocumentKinds.ResultNotice);
            Assert.Equal(Assert.Single(dossier.ResultDocuments).FileId, document.FileId);
            await using var stream = await sp.GetRequiredService<IFileStore>().OpenReadAsync(new FileId(document.FileId));
            using var copy = new MemoryStream();
            await stream!.CopyToAsync(copy);
            return (dossier, document, copy.ToArray());
        });
    }

    [Fact]
    public async Task The_result_notice_is_signed_by_the_approving_leader_and_pdfsig_agrees()
    {
        var (dossier, document, pdf) = await IssuedAsync("signed-result");

        var pdfsig = await Pdfsig.RunAsync(pdf);
        Assert.Contains("Signature is Valid.", pdfsig, StringComparison.Ordinal);
        Assert.Contains("Total document signed", pdfsig, StringComparison.Ordinal);
        Assert.Contains("Hoàng Văn Duyệt", pdfsig, StringComparison.Ordinal);
        Assert.Contains("THÔNG BÁO KẾT QUẢ GIẢI QUYẾT", await PdfTools.TextAsync(pdf), StringComparison.Ordinal);

        var report = await factory.WithScopeAsync(async sp => PdfSignatureVerifier.Verify(pdf, await sp.GetRequiredService<SignatureTrust>().RootsAsync(CancellationToken.None)));
        Assert.True(report.Valid, report.Problem);
        Assert.Equal("Hoàng Văn Duyệt", report.SignerName);
        Assert.Equal("Phường Hoàn Kiếm", report.SignerUnit);
        Assert.Equal("Hoàng Văn Duyệt", document.SignerName);
        Assert.Equal(dossier.Code, document.DossierCode);

        // The QR code opens the verification page: what, whose (masked), who signed, intact; no personal data.
        var qr = Assert.Single(await PdfTools.QrCodesAsync(pdf));
        Assert.Equal($"{SlipsFactory.PublicUrl}/xac-thuc/{document.Id}", qr);
        using var anyone = StaffClient.Anonymous(factory);
        var page = await anyone.GetPageAsync($"/xac-thuc/{document.Id}");
        Assert.Contains(dossier.Code!, page, StringComparison.Ordinal);
        Assert.Contains("Hoàng Văn Duyệt", page, StringComparison.Ordinal);
        Assert.Contains("N***** V** A*", page, StringComparison.Ordinal);
        Assert.Contains("còn nguyên vẹn", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Văn An", page, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", page, StringComparison.Ordinal);
        Assert.DoesNotContain(BirthFiling.Owner.IdNumber, page, StringComparison.Ordinal);
        Assert.Contains("id=\"dossier-status\" href=\"/lookup/", page, StringComparison.Ordinal);
        var english = await anyone.GetPageAsync($"/xac-thuc/{document.Id}?lang=en");
        Assert.Contains("Document verification", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uploads_are_judged_exactly_and_hostile_ones_get_a_clear_error()
    {
        var (_, document, pdf) = await IssuedAsync("signed-upload");
        using var anyone = StaffClient.Anonymous(factory);
        var path = $"/xac-thuc/{document.Id}";

        var same = await UploadAsync(anyone, path, pdf);
        Assert.Equal(HttpStatusCode.OK, same.Status);
        Assert.Contains("đúng là văn bản đã đăng ký", same.Html, StringComparison.Ordinal);
        Assert.Contains("Chữ ký số hợp lệ", same.Html, StringComparison.Ordinal);

        var tampered = (byte[])pdf.Clone();
        tampered[pdf.Length / 3] ^= 0x01;
        var changed = await UploadAsync(anyone, path, tampered);
        Assert.Contains("KHÔNG phải văn bản đã đăng ký", changed.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Chữ ký số hợp lệ", changed.Html, StringComparison.Ordinal);

        var appended = await UploadAsync(anyone, path, [.. pdf, .. "\n%x\n"u8]);
        Assert.Contains("thêm vào sau khi ký", appended.Html, StringComparison.Ordinal);

        var notPdf = await UploadAsync(anyone, path, "hello"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, notPdf.Status);
        Assert.Contains("không phải PDF", notPdf.Html, StringComparison.Ordinal);
        var huge = await UploadAsync(anyone, path, [.. "%PDF-1.7\n"u8, .. new byte[11 * 1024 * 1024]]);
        Assert.Equal(HttpStatusCode.BadRequest, huge.Status);
        Assert.Contains("lớn hơn 10 MB", huge.Html, StringComparison.Ordinal);

        // The JSON twin.
        var view = JsonDocument.Parse(await anyone.Http.GetStringAsync($"/api/v1/documents/{document.Id}")).RootElement;
        Assert.True(view.GetProperty("signed").GetBoolean());
        Assert.True(view.GetProperty("signature").GetProperty("valid").GetBoolean());
        Assert.False(view.GetProperty("holder").GetString()!.Contains("Nguyễn", StringComparison.Ordinal));
        var check = await anyone.Http.PostAsync($"/api/v1/documents/{document.Id}/verify", Pdf(pdf));
        Assert.True(JsonDocument.Parse(await check.Content.ReadAsStringAsync()).RootElement.GetProperty("matchesRegistered").GetBoolean());
        var junk = await anyone.Http.PostAsync($"/api/v1/documents/{document.Id}/verify", Pdf("GIF89a"u8.ToArray()));
        Assert.Equal(HttpStatusCode.BadRequest, junk.StatusCode);
        Assert.Contains("\"file\"", await junk.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/xac-thuc/{Guid.NewGuid()}")).StatusCode);
    }

    private static ByteArrayContent Pdf(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return content;
    }

    private static async Task<(HttpStatusCode Status, string Html)> UploadAsync(StaffClient client, string path, byte[] file)
    {
        var token = StaffClient.Token(await client.GetPageAsync(path))!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { Pdf(file), "File", "van-ban.pdf" },
        };
        var response = await client.Http.PostAsync(path, form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
