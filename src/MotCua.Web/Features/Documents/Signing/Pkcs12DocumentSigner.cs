using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace MotCua.Web.Features.Documents.Signing;

/// <summary>
/// Signs with a key from a PKCS#12 (.p12/.pfx) file: the officer's own, else their unit's, else the server's (see
/// <see cref="SigningOptions"/>). The file's certificate with a private key signs; the others go in as its chain.
/// Files are read once and kept: a leader's file is used for every result they issue.
/// </summary>
public sealed class Pkcs12DocumentSigner(IOptions<SigningOptions> options) : IDocumentSigner
{
    private static readonly ConcurrentDictionary<string, Lazy<(X509Certificate2 Signer, X509Certificate2[] Chain)>> Loaded = new();

    public Task<byte[]> SignAsync(SigningOfficer officer, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        var o = options.Value;
        var file = o.Officers.GetValueOrDefault(officer.StaffId.ToString()) ?? o.Units.GetValueOrDefault(officer.UnitCode) ?? o.Default
            ?? throw new SigningUnavailableException($"Chưa cấu hình chứng thư số để ký cho {officer.Name} ({officer.UnitName}).");
        // Keyed by path and password together: a changed password in the configuration is a different key.
        var key = file.Path + "\n" + file.Password;
        var loaded = Loaded.GetOrAdd(key, _ => new(() => Load(file.Path, file.Password)));
        try
        {
            var (signer, chain) = loaded.Value;
            return Task.FromResult(CadesSignature.Sign(content, signer, chain));
        }
        catch (SigningUnavailableException)
        {
            // Not remembered: a file put right (or its password) works on the next try without a restart.
            Loaded.TryRemove(new KeyValuePair<string, Lazy<(X509Certificate2, X509Certificate2[])>>(key, loaded));
            throw;
        }
    }

    private static (X509Certificate2, X509Certificate2[]) Load(string path, string? password)
    {
        try
        {
            var all = X509CertificateLoader.LoadPkcs12CollectionFromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
            var signer = all.FirstOrDefault(c => c.HasPrivateKey) ?? throw new SigningUnavailableException($"Tệp {Path.GetFileName(path)} không có khóa bí mật.");
            return (signer, [.. all.Where(c => !c.HasPrivateKey)]);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new SigningUnavailableException($"Không đọc được tệp chứng thư số {Path.GetFileName(path)}.", e);
        }
    }
}
