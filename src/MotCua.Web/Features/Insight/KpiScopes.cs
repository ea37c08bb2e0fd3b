using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Insight;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Insight.Data;
using MotCua.Web.Features.Organization;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Insight;

/// <summary>A unit as the KPI tables name it: as it stood at the end of the period (or on its last day, if closed before).</summary>
public sealed record KpiUnit(Guid Id, string Code, string Name, string Level);

/// <summary>What a request covers: the units (null: every unit, for those who see the whole city) and how to name it.</summary>
public sealed record KpiScope(string Kind, Guid? UnitId, string? Level, IReadOnlyCollection<Guid>? Units, IReadOnlyDictionary<Guid, KpiUnit> Names)
{
    /// <summary>The key of this scope's precomputed distinct-procedure counts (<see cref="KpiProcedureCount"/>), when there are any.</summary>
    public string? Counts { get; init; } = Units is null ? KpiProcedureCount.CityScope : null;
}

public enum KpiScopeError { None, NotBackOffice, UnitNotVisible }

/// <summary>
/// Who may see which KPIs (deny by default): supervisors and administrators, for the units within their reach —
/// their units and every unit below, including closed ones that sat there; the city's see every unit.
/// </summary>
public sealed class KpiScopes(UnitScope scope, UnitDirectory directory, MotCuaDbContext db)
{
    public async Task<(KpiScope? Scope, KpiScopeError Error)> ResolveAsync(Guid? unit, string? level, KpiPeriod period, CancellationToken ct)
    {
        if (!await scope.IsBackOfficeAsync(ct)) return (null, KpiScopeError.NotBackOffice);
        var visible = await scope.EverVisibleAsync(ct);
        var today = await scope.TodayTreeAsync(ct);
        var wholeCity = today.Roots.Count > 0 && today.Roots.All(r => visible.Contains(r.Id));
        var names = await NamesAsync(period, ct);
        if (unit is { } id)
        {
            if (!visible.Contains(id)) return (null, KpiScopeError.UnitNotVisible);
            var tree = await directory.OnAsync(Min(period.End, directory.Today), ct);
            var below = tree.Find(id) is null ? [id] : tree.SelfAndDescendants(id).Select(u => u.Id).Where(visible.Contains).ToHashSet();
            below.Add(id);
            return (new KpiScope("unit", id, null, below, names) { Counts = below.Count == 1 ? id.ToString() : null }, KpiScopeError.None);
        }
        if (level is not null)
        {
            var atLevel = names.Values.Where(n => n.Level == level && visible.Contains(n.Id)).Select(n => n.Id).ToHashSet();
            // Every unit of the level within reach: the level's precomputed distinct-procedure counts apply.
            var whole = names.Values.Where(n => n.Level == level).All(n => atLevel.Contains(n.Id));
            return (new KpiScope("level", null, level, atLevel, names) { Counts = whole ? KpiProcedureCount.LevelScope(level) : null }, KpiScopeError.None);
        }
        return (new KpiScope(wholeCity ? "city" : "reach", null, null, wholeCity ? null : visible, names), KpiScopeError.None);
    }

    /// <summary>Every unit's name and level as on the period's last day, or on its own last day if it closed before.</summary>
    public Task<IReadOnlyDictionary<Guid, KpiUnit>> NamesAsync(KpiPeriod period, CancellationToken ct) => NamesAsync(db, directory.Today, period, ct);

    /// <summary>The same, for the refresh (no caller): the levels the precomputed counts of a level are grouped by.</summary>
    public static async Task<IReadOnlyDictionary<Guid, KpiUnit>> NamesAsync(MotCuaDbContext db, DateOnly today, KpiPeriod period, CancellationToken ct)
    {
        var end = Min(period.End, today);
        var versions = await db.UnitVersions.AsNoTracking()
            .Select(v => new { v.UnitId, v.Code, v.Name, v.Kind, v.ValidFrom, v.ValidTo }).ToListAsync(ct);
        return versions.GroupBy(v => v.UnitId).ToDictionary(g => g.Key, g =>
        {
            var v = g.Where(x => x.ValidFrom <= end).OrderByDescending(x => x.ValidFrom).FirstOrDefault() ?? g.OrderBy(x => x.ValidFrom).First();
            return new KpiUnit(g.Key, v.Code, v.Name, KpiLevels.Of(v.Kind));
        });
    }

    /// <summary>The distinct levels of some units (for the catalogue indicators O1 and F1).</summary>
    public static IReadOnlyCollection<string> Levels(IEnumerable<Guid> units, IReadOnlyDictionary<Guid, KpiUnit> names) =>
        [.. units.Select(u => names.GetValueOrDefault(u)?.Level).OfType<string>().Distinct()];

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
