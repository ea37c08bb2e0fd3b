using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using MotCua.Domain.Organization;
using MotCua.Web.Infrastructure;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Organization;

/// <summary>
/// Reads the unit tree as it stood on a day. Trees are cached briefly: the organisation changes a few times
/// a year, while every page and deadline asks for it. A reorganisation applied here clears the cache at once;
/// other instances see it within <see cref="CacheFor"/>.
/// </summary>
public sealed class UnitDirectory(IServiceScopeFactory scopes, IMemoryCache cache, TimeProvider clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private static int _generation;

    public DateOnly Today => VietnamTime.Today(clock);

    public Task<UnitTree> TodayAsync(CancellationToken ct = default) => OnAsync(Today, ct);

    public async Task<UnitTree> OnAsync(DateOnly day, CancellationToken ct = default)
    {
        var key = ("units", day, Volatile.Read(ref _generation));
        if (cache.TryGetValue(key, out UnitTree? tree) && tree is not null) return tree;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        tree = new UnitTree(day, await LoadAsync(db, day, ct));
        cache.Set(key, tree, CacheFor);
        return tree;
    }

    public static async Task<List<UnitSnapshot>> LoadAsync(MotCuaDbContext db, DateOnly day, CancellationToken ct = default) =>
        await db.UnitVersions.AsNoTracking()
            .Where(v => v.ValidFrom <= day && (v.ValidTo == null || v.ValidTo > day))
            .Select(v => new UnitSnapshot(v.UnitId, v.Code, v.Name, v.ShortName, v.Kind, v.ParentId))
            .ToListAsync(ct);

    /// <summary>Called after any change to units in this process.</summary>
    public static void Invalidate() => Interlocked.Increment(ref _generation);
}
