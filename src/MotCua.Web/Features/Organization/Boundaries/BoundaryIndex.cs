using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure.Persistence;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace MotCua.Web.Features.Organization.Boundaries;

/// <summary>A unit whose outline holds the point, and the unit that answers for that place today.</summary>
public sealed record BoundaryHit(Guid BoundaryUnitId, Guid TodayUnitId, double AreaSquareDegrees);

/// <summary>
/// Point in polygon over every imported outline, in memory: an R-tree of the outlines' envelopes narrows a point to a
/// few candidates, prepared geometries answer "contains" without re-walking every ring (docs/performance.md: a lookup
/// over the city's outlines takes microseconds). Rebuilt when an import changes the table: at once on this instance,
/// within <see cref="CheckEvery"/> on the others (they compare the newest import time).
/// </summary>
public sealed class BoundaryIndex(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(60);

    private sealed record Snapshot(BoundaryOutlines Outlines, DateTimeOffset? Newest, DateTimeOffset CheckedAt)
    {
        public int Count => Outlines.Count;
    }

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Snapshot? _snapshot;

    public void Invalidate() => _snapshot = null;

    public async ValueTask<int> CountAsync(CancellationToken ct = default) => (await CurrentAsync(ct)).Count;

    /// <summary>Outlines holding the point, the most precise (smallest) first. Longitude is x, latitude y.</summary>
    public async ValueTask<IReadOnlyList<BoundaryHit>> LocateAsync(double latitude, double longitude, DateOnly today, CancellationToken ct = default) =>
        (await CurrentAsync(ct)).Outlines.Locate(latitude, longitude, today);

    private async ValueTask<Snapshot> CurrentAsync(CancellationToken ct)
    {
        var snapshot = _snapshot;
        var now = clock.GetUtcNow();
        if (snapshot is not null && now - snapshot.CheckedAt < CheckEvery) return snapshot;
        await _loading.WaitAsync(ct);
        try
        {
            snapshot = _snapshot;
            if (snapshot is not null && now - snapshot.CheckedAt < CheckEvery) return snapshot;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
            var newest = await db.Set<UnitBoundary>().MaxAsync(b => (DateTimeOffset?)b.ImportedAt, ct);
            _snapshot = snapshot is not null && snapshot.Newest == newest
                ? snapshot with { CheckedAt = now }
                : await LoadAsync(db, newest, now, ct);
            return _snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    private static async Task<Snapshot> LoadAsync(MotCuaDbContext db, DateTimeOffset? newest, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await db.Set<UnitBoundary>().AsNoTracking().Select(b => new { b.UnitId, b.Geometry }).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.ValidTo, u.SuccessorId }).ToDictionaryAsync(u => u.Id, u => (u.ValidTo, u.SuccessorId), ct);
        var outlines = BoundaryOutlines.Build(rows.Select(r => (r.UnitId, JsonSerializer.Deserialize<Geometry>(r.Geometry, BoundaryImport.GeoJson)!)), units);
        return new Snapshot(outlines, newest, now);
    }
}

/// <summary>
/// The outlines as one immutable, thread-safe structure: an R-tree of their envelopes narrows a point to a few candidates,
/// prepared geometries answer "covers" without re-walking every ring. Built by the index, and by the routing benchmark.
/// </summary>
public sealed class BoundaryOutlines
{
    private sealed record Outline(Guid UnitId, IPreparedGeometry Geometry, double Area);

    private readonly STRtree<Outline> _tree = new();
    private readonly IReadOnlyDictionary<Guid, (DateOnly? ValidTo, Guid? Successor)> _units;

    private BoundaryOutlines(IReadOnlyDictionary<Guid, (DateOnly? ValidTo, Guid? Successor)> units) => _units = units;

    public int Count { get; private set; }

    /// <param name="units">Every unit's closing day and primary successor, to answer for a closed unit's place.</param>
    public static BoundaryOutlines Build(IEnumerable<(Guid UnitId, Geometry Geometry)> outlines, IReadOnlyDictionary<Guid, (DateOnly? ValidTo, Guid? Successor)> units)
    {
        var built = new BoundaryOutlines(units);
        foreach (var (unit, geometry) in outlines)
        {
            built._tree.Insert(geometry.EnvelopeInternal, new Outline(unit, PreparedGeometryFactory.Prepare(geometry), geometry.Area));
            built.Count++;
        }
        built._tree.Build();
        return built;
    }

    public IReadOnlyList<BoundaryHit> Locate(double latitude, double longitude, DateOnly today)
    {
        var point = new Point(longitude, latitude);
        var hits = new List<BoundaryHit>(2);
        foreach (var candidate in _tree.Query(point.EnvelopeInternal))
        {
            if (candidate.Geometry.Covers(point)) hits.Add(new BoundaryHit(candidate.UnitId, Today(candidate.UnitId, today), candidate.Area));
        }
        hits.Sort((a, b) => a.AreaSquareDegrees.CompareTo(b.AreaSquareDegrees));
        return hits;
    }

    /// <summary>A closed unit's place is answered by its primary successor (and theirs, if they closed too).</summary>
    private Guid Today(Guid unit, DateOnly today)
    {
        for (var hops = 0; hops < 16 && _units.TryGetValue(unit, out var u) && u.ValidTo is { } closed && closed <= today && u.Successor is { } next; hops++)
            unit = next;
        return unit;
    }
}
