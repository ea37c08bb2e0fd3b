using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Insight;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organization;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Insight;

/// <summary>A unit as the KPI tables name it: as it stood at the end of the period (or on its last day, if closed before).</summary>
public sealed record KpiUnit(Guid Id, string Code, string Name, string Level);

/// <summary>What a request covers: the units (null: every unit, for those who see the whole city) and how to name it.</summary>
public sealed record KpiScope(string Kind, Guid? UnitId, string? Level, IReadOnlyCollection<Guid>? Units, IReadOnlyDictionary<Guid, KpiUnit> Names);

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
            return (new KpiScope("unit", id, null, below, names), KpiScopeError.None);
        }
        if (level is not null)
        {
            var atLevel = names.Values.Where(n => n.Level == level && visible.Contains(n.Id)).Select(n => n.Id).ToHashSet();
            return (new KpiScope("level", null, level, atLevel, names), KpiScopeError.None);
        }
        return (new KpiScope(wholeCity ? "city" : "reach", null, null, wholeCity ? null : visible, names), KpiScopeError.None);
    }

    /// <summary>Every unit's name and level as on the period's last day, or on its own last day if it closed before.</summary>
    public async Task<IReadOnlyDictionary<Guid, KpiUnit>> NamesAsync(KpiPeriod period, CancellationToken ct)
    {
        var end = Min(period.End, directory.Today);
        var versions = await db.UnitVersions.AsNoTracking()
            .Select(v => new { v.UnitId, v.Code, v.Name, v.Kind, v.ValidFrom, v.ValidTo }).ToListAsync(ct);
        return versions.GroupBy(v => v.UnitId).ToDictionary(g => g.Key, g =>
        {
            var v = g.Where(x => x.ValidFrom <= end).OrderByDescending(x => x.ValidFrom).FirstOrDefault() ?? g.OrderBy(x => x.ValidFrom).First();
            return new KpiUnit(g.Key, v.Code, v.Name, KpiLevels.Of(v.Kind));
        });
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
