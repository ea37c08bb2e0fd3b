using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Feedback.Open311;

/// <summary>A client allowed to POST reports (Open311 api_key). Only the key's SHA-256 is kept.</summary>
public sealed class Open311ApiKey
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required byte[] KeyHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>Checks and issues API keys; the demo's published test key exists in demo mode only.</summary>
public sealed class Open311Keys(MotCuaDbContext db, TimeProvider clock)
{
    public const string DemoKey = "open311-demo-key";
    public const string DemoClient = "Ứng dụng thử nghiệm (demo)";

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>The client's name for a valid, unrevoked key; null otherwise.</summary>
    public async Task<string?> ClientOfAsync(string? key, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 200) return null;
        var hash = Hash(key);
        return await db.Set<Open311ApiKey>().AsNoTracking().Where(k => k.KeyHash == hash && k.RevokedAt == null)
            .Select(k => k.Name).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// A new key for a client, not yet saved (the caller saves it with its audit entry): the key itself is shown once
    /// and never stored, the row keeps its hash.
    /// </summary>
    public static (Open311ApiKey Row, string Key) NewKey(string name, DateTimeOffset now)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        return (new Open311ApiKey { Id = Guid.NewGuid(), Name = name, KeyHash = Hash(key), CreatedAt = now }, key);
    }

    public async Task EnsureDemoKeyAsync(CancellationToken ct)
    {
        var hash = Hash(DemoKey);
        if (!await db.Set<Open311ApiKey>().AnyAsync(k => k.KeyHash == hash, ct)) await AddAsync(DemoClient, DemoKey, ct);
    }

    private async Task AddAsync(string name, string key, CancellationToken ct)
    {
        db.Add(new Open311ApiKey { Id = Guid.NewGuid(), Name = name, KeyHash = Hash(key), CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
    }
}
