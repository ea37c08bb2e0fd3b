using Microsoft.Extensions.Options;

namespace MotCua.Web.Features.Documents.Signing;

/// <summary>Signs as the officer with their demo certificate (issued on first use) and includes the demo root.</summary>
public sealed class DemoDocumentSigner : IDocumentSigner
{
    private readonly DemoCertificateAuthority _authority;

    public DemoDocumentSigner(DemoCertificateAuthority authority, IOptions<MotCuaOptions> options)
    {
        // A second lock beside the registration: demo keys must never sign anything in production.
        if (!options.Value.Demo) throw new InvalidOperationException("The demo CA signs only in demo mode (MotCua:Demo).");
        _authority = authority;
    }

    public async Task<byte[]> SignAsync(SigningOfficer officer, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        var certificate = await _authority.OfficerAsync(officer, ct);
        var root = await _authority.RootPublicAsync(ct);
        return CadesSignature.Sign(content, certificate, [root]);
    }
}
