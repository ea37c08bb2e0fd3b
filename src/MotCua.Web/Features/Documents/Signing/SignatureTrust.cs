using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace MotCua.Web.Features.Documents.Signing;

/// <summary>
/// The roots a signature must chain to, for the product's own verifier: the configured trust anchors (a city's CA,
/// the national root of the licensed providers) and, in demo mode only, the demo root.
/// </summary>
public sealed class SignatureTrust(IOptions<SigningOptions> signing, IOptions<MotCuaOptions> product, IServiceProvider services)
{
    private X509Certificate2Collection? _configured;

    public async Task<X509Certificate2Collection> RootsAsync(CancellationToken ct)
    {
        _configured ??= Load(signing.Value.TrustAnchors);
        var roots = new X509Certificate2Collection(_configured);
        if (product.Value.Demo) roots.Add(await services.GetRequiredService<DemoCertificateAuthority>().RootPublicAsync(ct));
        return roots;
    }

    private static X509Certificate2Collection Load(IEnumerable<string> paths)
    {
        var roots = new X509Certificate2Collection();
        foreach (var path in paths)
        {
            var text = File.ReadAllText(path);
            if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)) roots.ImportFromPem(text);
            else roots.Add(X509CertificateLoader.LoadCertificateFromFile(path));
        }
        return roots;
    }
}
