using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MotCua.Web.Features.Documents.Signing;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure.Storage;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Documents;

/// <summary>The key seam: a PKCS#12 file signs, the demo CA refuses production, and a failure to sign refuses the action.</summary>
public sealed class SignersTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    private static readonly SigningOfficer Officer = new(Guid.NewGuid(), "Hoàng Văn Duyệt", Guid.NewGuid(), "H26.60.01", "Phường Hoàn Kiếm");

    [Fact]
    public async Task A_pkcs12_file_signs_as_the_unit_it_is_configured_for()
    {
        var ca = new TestCa();
        var path = Path.Combine(Path.GetTempPath(), $"motcua-{Guid.NewGuid():N}.p12");
        await File.WriteAllBytesAsync(path, new X509Certificate2Collection { ca.Signer, X509CertificateLoader.LoadCertificate(ca.Root.RawData) }.Export(X509ContentType.Pkcs12, "mật-khẩu")!);
        try
        {
            var options = Options.Create(new SigningOptions { Units = { ["H26.60.01"] = new Pkcs12File { Path = path, Password = "mật-khẩu" } } });
            var pdf = TestCa.SamplePdf();
            var prepared = PdfIncrementalSigner.Prepare(pdf, new SignatureFields(Officer.Name, "Ký", Officer.UnitName, DateTimeOffset.UtcNow));
            var signed = PdfIncrementalSigner.Embed(prepared, await new Pkcs12DocumentSigner(options).SignAsync(Officer, prepared.SignedContent(), default));
            Assert.True(PdfSignatureVerifier.Verify(signed, ca.Trust).Valid);

            var elsewhere = Officer with { UnitCode = "H26.60.02" };
            await Assert.ThrowsAsync<SigningUnavailableException>(() => new Pkcs12DocumentSigner(options).SignAsync(elsewhere, pdf, default));
            var wrongPassword = Options.Create(new SigningOptions { Default = new Pkcs12File { Path = path, Password = "sai" } });
            await Assert.ThrowsAsync<SigningUnavailableException>(() => new Pkcs12DocumentSigner(wrongPassword).SignAsync(Officer, pdf, default));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_demo_ca_never_signs_in_production()
    {
        var refused = await factory.WithScopeAsync(sp =>
        {
            var production = Options.Create(new MotCuaOptions { Demo = false });
            return Task.FromResult(Record.Exception(() => new DemoDocumentSigner(sp.GetRequiredService<DemoCertificateAuthority>(), production)));
        });
        Assert.IsType<InvalidOperationException>(refused);
    }

    [Fact]
    public async Task An_attached_pdf_that_cannot_be_signed_refuses_the_result_and_changes_nothing()
    {
        var (id, v) = await ResultFlow.ApprovedAsync(factory, "unsignable");
        using var counter = await StaffClient.SignInAsync(factory, ResultFlow.Counter);
        var broken = await factory.WithScopeAsync(async sp =>
        {
            await using var content = new MemoryStream("%PDF-1.7\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"u8.ToArray());
            return (await sp.GetRequiredService<IFileStore>().SaveAsync(content, "application/pdf")).Id.Value;
        });

        var refused = await counter.Http.PostAsJsonAsync($"/api/v1/dossiers/{id}/result", new { version = v, documents = new[] { new { name = "ket-qua.pdf", fileId = broken } } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.Contains("documents", problem, StringComparison.Ordinal);
        Assert.Contains("không ký số được", problem, StringComparison.Ordinal);
        var after = await factory.WithScopeAsync(sp => sp.GetRequiredService<DossierService>().LoadAsync(id, CancellationToken.None));
        Assert.Equal(v, after.Version);
        Assert.Empty(after.ResultDocuments);
    }
}
