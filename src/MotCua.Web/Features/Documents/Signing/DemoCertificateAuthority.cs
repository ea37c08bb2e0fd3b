using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Documents.Data;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Documents.Signing;

/// <summary>
/// The demo's own certificate authority: a root made on first use and one certificate per officer who signs
/// (CN = their name, O = the unit they sign for), RSA-2048, kept in the database with the private keys protected by
/// Data Protection. Two instances creating the same certificate at once: the second insert fails on the key and
/// that instance reads the first one's. Never used outside demo mode (the signer refuses to start).
/// </summary>
public sealed class DemoCertificateAuthority(MotCuaDbContext db, IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock)
{

    // Keyed by row id; a row never changes once written, so a cached copy is always right.
    private static readonly ConcurrentDictionary<string, X509Certificate2> Cache = new();
    private IDataProtector Protector => protection.CreateProtector("MotCua.Documents.DemoSigningKeys");

    public async Task<X509Certificate2> RootAsync(CancellationToken ct) =>
        await GetOrCreateAsync(DemoSigningKey.RootId, () => CreateRoot(clock.GetUtcNow()), ct);

    /// <summary>The root without its key: what a verifier trusts.</summary>
    public async Task<X509Certificate2> RootPublicAsync(CancellationToken ct) =>
        X509CertificateLoader.LoadCertificate((await RootAsync(ct)).RawData);

    public async Task<X509Certificate2> OfficerAsync(SigningOfficer officer, CancellationToken ct)
    {
        var root = await RootAsync(ct);
        return await GetOrCreateAsync(DemoSigningKey.StaffId(officer.StaffId), () => CreateOfficer(root, officer, clock.GetUtcNow()), ct);
    }

    private async Task<X509Certificate2> GetOrCreateAsync(string id, Func<X509Certificate2> create, CancellationToken ct)
    {
        if (Cache.TryGetValue(id, out var cached)) return cached;
        if (await db.Set<DemoSigningKey>().AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, ct) is not { } row)
        {
            var made = create();
            row = new DemoSigningKey
            {
                Id = id,
                Certificate = made.RawData,
                ProtectedKey = Convert.ToBase64String(Protector.Protect(made.GetRSAPrivateKey()!.ExportPkcs8PrivateKey())),
                CreatedAt = clock.GetUtcNow(),
            };
            // Saved alone, on a fresh context: the caller's unsaved changes (a dossier action) must not ride along.
            await using var scope = scopes.CreateAsyncScope();
            var own = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
            own.Add(row);
            try { await own.SaveChangesAsync(ct); }
            catch (DbUpdateException)
            {
                row = await db.Set<DemoSigningKey>().AsNoTracking().FirstAsync(k => k.Id == id, ct);
            }
        }
        var certificate = X509CertificateLoader.LoadCertificate(row.Certificate);
        using var key = RSA.Create();
        key.ImportPkcs8PrivateKey(Protector.Unprotect(Convert.FromBase64String(row.ProtectedKey)), out _);
        return Cache.GetOrAdd(id, certificate.CopyWithPrivateKey(key));
    }

    private static X509Certificate2 CreateRoot(DateTimeOffset now)
    {
        using var key = RSA.Create(2048);
        var name = new X500DistinguishedNameBuilder();
        name.AddCountryOrRegion("VN");
        name.AddOrganizationName("MotCua (demo, không có giá trị pháp lý)");
        name.AddCommonName("MotCua Demo Root CA");
        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(20));
    }

    private static X509Certificate2 CreateOfficer(X509Certificate2 root, SigningOfficer officer, DateTimeOffset now)
    {
        using var key = RSA.Create(2048);
        var name = new X500DistinguishedNameBuilder();
        name.AddCountryOrRegion("VN");
        name.AddOrganizationName(officer.UnitName);
        name.AddCommonName(officer.Name);
        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        // Email protection is the usage NSS (poppler's pdfsig) checks a document signer's certificate for.
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.4")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        var end = now.AddYears(5) < root.NotAfter ? now.AddYears(5) : new DateTimeOffset(root.NotAfter);
        using var issued = request.Create(root, now.AddDays(-1), end, serial);
        return issued.CopyWithPrivateKey(key);
    }
}
