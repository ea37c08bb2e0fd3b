using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using MotCua.Domain.Catalog;
using MotCua.Domain.Insight;
using MotCua.Web.Features.Catalog.Data;
using MotCua.Web.Infrastructure;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Insight;

/// <summary>
/// Indicators O1 and F1 from the product's own catalogue (they were entered by hand before): the procedures as published
/// at the period's end (for each procedure the version published last by then; a retired one no longer counts) that a
/// scope's levels implement (a procedure without levels counts everywhere). Offered fully online: full-process online
/// service with an online form, so the product takes it online from filing to result. Fee-bearing: a fee rule with an
/// amount above 0; payable online: such a procedure that can be filed online (the fee is then paid through VNPay).
/// The parsed catalogue is kept in memory per catalogue revision (bumped by every publication, import and retirement),
/// so a request reads one row to know it is current, whatever the number of cards.
/// </summary>
public sealed class KpiCatalogFigures(MotCuaDbContext db, IMemoryCache cache)
{
    /// <summary>One published version as O1 and F1 see it.</summary>
    public sealed record Entry(Guid Procedure, string Code, string Name, DateTimeOffset PublishedAt, bool Retired, string Levels, bool FullyOnline, bool FeeBearing, bool OnlineFiling);

    private List<Entry>? _entries;

    /// <summary>The catalogue's levels ("|province|commune|") for a KPI level.</summary>
    public static string CatalogLevel(string level) => level switch
    {
        KpiLevels.City => "province",
        KpiLevels.District => "district",
        _ => "commune",
    };

    /// <summary>The counts with the catalogue figures of the period for these KPI levels (null: every level, the whole city).</summary>
    public async Task<KpiCounts> WithAsync(KpiCounts counts, IReadOnlyCollection<string>? levels, KpiPeriod period, CancellationToken ct)
    {
        var current = await CurrentAsync(levels, period, ct);
        return counts with
        {
            CatalogProcedures = current.Count, CatalogFullyOnline = current.Count(e => e.FullyOnline),
            CatalogFeeBearing = current.Count(e => e.FeeBearing), CatalogPayableOnline = current.Count(e => e.FeeBearing && e.OnlineFiling),
        };
    }

    /// <summary>The procedures behind O1 and F1: the catalogue at the period's end for these levels (null: every level), by code.</summary>
    public async Task<IReadOnlyList<Entry>> CurrentAsync(IReadOnlyCollection<string>? levels, KpiPeriod period, CancellationToken ct)
    {
        var end = new DateTimeOffset(period.End.AddDays(1).ToDateTime(TimeOnly.MinValue), VietnamTime.Offset);
        var wanted = levels?.Select(l => "|" + CatalogLevel(l) + "|").ToList();
        return [.. (await EntriesAsync(ct)).Where(e => e.PublishedAt < end).GroupBy(e => e.Procedure)
            .Select(g => g.MaxBy(e => e.PublishedAt)!)
            .Where(e => !e.Retired && (wanted is null || e.Levels == "||" || e.Levels.Length == 0 || wanted.Any(w => e.Levels.Contains(w, StringComparison.Ordinal))))
            .OrderBy(e => e.Code, StringComparer.Ordinal)];
    }

    private async Task<List<Entry>> EntriesAsync(CancellationToken ct)
    {
        if (_entries is not null) return _entries;
        var revision = await db.CatalogState.AsNoTracking().Select(s => s.Revision).FirstOrDefaultAsync(ct);
        var key = (nameof(KpiCatalogFigures), revision);
        if (cache.TryGetValue(key, out List<Entry>? cached) && cached is not null) return _entries = cached;
        var versions = await (from v in db.ProcedureVersions.AsNoTracking()
                              join p in db.Procedures on v.ProcedureId equals p.Id
                              where v.Status != VersionStatus.Draft && v.PublishedAt != null
                              select new { v.ProcedureId, p.NationalCode, v.Name, v.PublishedAt, v.Status, v.Levels, v.FullProcess, v.HasForm, v.DefinitionJson })
            .ToListAsync(ct);
        _entries = [.. versions.Select(v =>
        {
            var definition = JsonSerializer.Deserialize<ProcedureDefinition>(v.DefinitionJson, CatalogJson.Options);
            var online = v.HasForm && definition is not null && definition.ReceiveChannels.Contains(Channel.Online);
            var fee = definition is not null && definition.Fees.Any(f => f.Amount > 0 || f.Table.Any(r => r.Amount > 0));
            return new Entry(v.ProcedureId, v.NationalCode, v.Name, v.PublishedAt!.Value, v.Status == VersionStatus.Retired, v.Levels, v.FullProcess && online, fee, online);
        })];
        cache.Set(key, _entries, TimeSpan.FromHours(1));
        return _entries;
    }
}
