using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Catalog;
using MotCua.Domain.Catalog.Search;
using MotCua.Web.Features.Catalog.Data;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Catalog;

public sealed record CatalogQuery(string? Text, string? Field, ImplementingLevel? Level, string? UnitKind, int? OnlineLevel, bool? FullProcess);

public sealed record CatalogPage(int Total, IReadOnlyList<(ProcedureSummary Procedure, double Score)> Items);

/// <summary>
/// The published catalogue in memory: the search index plus the summaries the lists show. Rebuilt when the
/// catalogue revision in the database moves (a publication anywhere, on any instance). The revision is read
/// at most once every <see cref="RecheckEvery"/>, in the background while searches go on with the snapshot
/// they have, so a search costs no database round trip and never waits for a rebuild caused elsewhere.
/// This instance's own writes rebuild at once (<see cref="Invalidate"/>), so an administrator sees them.
/// </summary>
public sealed class CatalogSearch(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan RecheckEvery = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A text search ranks at most this many hits: nobody pages past them, and ranking every weak match of a
    /// short query over thousands of procedures would cost more than the page it serves.
    /// </summary>
    public const int MaxRankedHits = 200;

    private sealed record Snapshot(long Revision, CatalogSearchIndex Index, IReadOnlyList<ProcedureSummary> All, IReadOnlyDictionary<Guid, ProcedureSummary> ById, IReadOnlyDictionary<string, ProcedureSummary> ByCode, DateTimeOffset CheckedAt);

    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private volatile Snapshot? _snapshot;
    private long _forcedRevision = -1;
    private int _refreshing;

    /// <summary>Called by this instance's own writes so its next search sees them at once.</summary>
    public void Invalidate() => Interlocked.Exchange(ref _forcedRevision, long.MaxValue);

    public async Task<CatalogPage> FindAsync(CatalogQuery query, int skip, int take, CancellationToken ct)
    {
        var snapshot = await CurrentAsync(ct);
        IEnumerable<(ProcedureSummary, double)> rows;
        if (string.IsNullOrWhiteSpace(query.Text))
        {
            rows = snapshot.All.Select(p => (p, 0d));
        }
        else
        {
            var filtered = query.Field is not null || query.Level is not null || query.UnitKind is not null || query.OnlineLevel is not null || query.FullProcess is not null;
            // With filters the ranking must reach past the cap, or a filter could hide its own best matches.
            var limit = filtered ? snapshot.All.Count : Math.Min(snapshot.All.Count, Math.Max(MaxRankedHits, skip + take));
            rows = snapshot.Index.Search(query.Text, limit).Select(h => (snapshot.ById[h.Id], h.Score));
        }
        var matching = rows.Where(r => Matches(r.Item1, query)).ToList();
        return new CatalogPage(matching.Count, [.. matching.Skip(skip).Take(take)]);
    }

    /// <summary>The published version of a procedure, from the snapshot: no round trip, at most <see cref="RecheckEvery"/> behind another instance.</summary>
    public async Task<Guid?> PublishedVersionIdAsync(string nationalCode, CancellationToken ct) =>
        (await CurrentAsync(ct)).ByCode.GetValueOrDefault(nationalCode)?.VersionId;

    /// <summary>By national code, the first listed winning as the scan it replaces did (every filing looks its procedure up).</summary>
    private static Dictionary<string, ProcedureSummary> ByCodeOf(IReadOnlyList<ProcedureSummary> all)
    {
        var byCode = new Dictionary<string, ProcedureSummary>(StringComparer.Ordinal);
        foreach (var p in all) byCode.TryAdd(p.Code, p);
        return byCode;
    }

    public async Task<IReadOnlyList<(string Field, int Count)>> FieldsAsync(CancellationToken ct)
    {
        var snapshot = await CurrentAsync(ct);
        var vi = StringComparer.Create(new CultureInfo("vi"), ignoreCase: true);
        return [.. snapshot.All.GroupBy(p => p.Field).Select(g => (g.Key, g.Count())).OrderBy(g => g.Key, vi)];
    }

    private static bool Matches(ProcedureSummary p, CatalogQuery q) =>
        (q.Field is null || string.Equals(p.Field, q.Field, StringComparison.OrdinalIgnoreCase))
        && (q.Level is null || p.Levels.Contains(q.Level.Value))
        && (q.UnitKind is null || p.UnitKinds.Contains(q.UnitKind, StringComparer.OrdinalIgnoreCase))
        && (q.OnlineLevel is null || p.OnlineLevel == q.OnlineLevel)
        && (q.FullProcess is null || p.FullProcess == q.FullProcess);

    private async Task<Snapshot> CurrentAsync(CancellationToken ct)
    {
        var snapshot = _snapshot;
        var forced = Interlocked.Read(ref _forcedRevision) == long.MaxValue;
        if (snapshot is not null && !forced)
        {
            if (clock.GetUtcNow() - snapshot.CheckedAt >= RecheckEvery && Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0)
            {
                _ = Task.Run(async () =>
                {
                    try { await RefreshAsync(force: false, CancellationToken.None); }
                    finally { Volatile.Write(ref _refreshing, 0); }
                }, CancellationToken.None);
            }
            return snapshot;
        }
        return await RefreshAsync(force: true, ct);
    }

    private async Task<Snapshot> RefreshAsync(bool force, CancellationToken ct)
    {
        await _rebuild.WaitAsync(ct);
        try
        {
            var snapshot = _snapshot;
            var now = clock.GetUtcNow();
            var forced = Interlocked.Exchange(ref _forcedRevision, -1) == long.MaxValue;
            if (snapshot is not null && !forced && !force && now - snapshot.CheckedAt < RecheckEvery) return snapshot;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
            var revision = await db.CatalogState.AsNoTracking().Where(s => s.Id == 1).Select(s => s.Revision).FirstOrDefaultAsync(ct);
            _snapshot = snapshot is not null && snapshot.Revision == revision && !forced
                ? snapshot with { CheckedAt = now }
                : await BuildAsync(db, revision, now, ct);
            return _snapshot;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    private static async Task<Snapshot> BuildAsync(MotCuaDbContext db, long revision, DateTimeOffset now, CancellationToken ct)
    {
        var versions = await db.ProcedureVersions.AsNoTracking()
            .Where(v => v.Status == VersionStatus.Published)
            .Select(v => new { v.Id, v.HasForm, v.DefinitionJson })
            .ToListAsync(ct);
        var summaries = new List<ProcedureSummary>(versions.Count);
        var documents = new List<SearchDocument>(versions.Count);
        foreach (var v in versions)
        {
            // Only what lists and search need is materialised; forms and workflows are skipped by the parser.
            var d = JsonSerializer.Deserialize<ListedProcedure>(v.DefinitionJson, ListedProcedure.Options)!;
            summaries.Add(new ProcedureSummary(v.Id, d.NationalCode, d.Name, d.Field, d.Levels, d.UnitKinds, d.OnlineLevel.Level,
                d.OnlineLevel.FullProcess, v.HasForm, d.ProcessingTime, d.Fees.Count == 0 ? null : d.Fees.Sum(f => f.Kind == FeeKind.Fixed ? f.Amount : 0),
                d.ImplementingAgencies));
            // Result names and agencies help people who search by what they want to get ("giấy khai sinh") or where.
            var keywords = d.Results.Select(r => r.Name).Concat(d.ImplementingAgencies).Append(d.LocalCode ?? "").ToList();
            documents.Add(new SearchDocument(v.Id, d.NationalCode, d.Name, d.Field, keywords));
        }
        // Order the listing by name so an empty search reads like a catalogue; search ties keep this order too.
        var vi = StringComparer.Create(new CultureInfo("vi"), ignoreCase: true);
        var order = summaries.Select((s, i) => (s, documents[i])).OrderBy(x => x.s.Name, vi).ToList();
        var all = order.Select(x => x.s).ToList();
        return new Snapshot(revision, CatalogSearchIndex.Build(order.Select(x => x.Item2)), all, all.ToDictionary(s => s.VersionId), ByCodeOf(all), now);
    }

    /// <summary>The part of a definition a list shows.</summary>
    private sealed record ListedProcedure
    {
        public static readonly JsonSerializerOptions Options = new(CatalogJson.Options) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip };

        public required string NationalCode { get; init; }
        public string? LocalCode { get; init; }
        public required string Name { get; init; }
        public required string Field { get; init; }
        public IReadOnlyList<ImplementingLevel> Levels { get; init; } = [];
        public IReadOnlyList<string> UnitKinds { get; init; } = [];
        public IReadOnlyList<string> ImplementingAgencies { get; init; } = [];
        public required OnlineLevel OnlineLevel { get; init; }
        public required ProcessingTime ProcessingTime { get; init; }
        public IReadOnlyList<FeeRule> Fees { get; init; } = [];
        public IReadOnlyList<ResultDocument> Results { get; init; } = [];
    }
}
