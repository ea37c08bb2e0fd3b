using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Organization.Data;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Organization.Admin.Units;

public sealed record VersionRow(
    DateOnly From, DateOnly? To, string Name, string ShortName, string Code, UnitKind Kind, Guid? ParentId, string? ParentName,
    Guid? ReorganizationId, string? ReorganizationTitle);

public sealed record SuccessionRow(Guid UnitId, string Name, string Code, Guid ReorganizationId, string ReorganizationTitle, DateOnly Date, bool Partial, bool Primary);

public sealed record UnitStaffRow(Guid StaffId, string FullName, StaffRole Role, DateOnly From, bool AccountActive);

/// <summary>Everything known about one unit over time: its versions, where it came from and went, who works there.</summary>
public sealed class UnitHistory
{
    public required Unit Unit { get; init; }
    public required IReadOnlyList<VersionRow> Versions { get; init; }
    public required IReadOnlyList<SuccessionRow> Predecessors { get; init; }
    public required IReadOnlyList<SuccessionRow> Successors { get; init; }
    public required IReadOnlyList<UnitSnapshot> Children { get; init; }
    public required IReadOnlyList<UnitStaffRow> Staff { get; init; }
    /// <summary>Today for an open unit; otherwise its last (or, not yet open, its first) day.</summary>
    public required DateOnly ReferenceDay { get; init; }
    public required bool IsOpen { get; init; }

    public VersionRow Current => Versions.LastOrDefault(v => v.From <= ReferenceDay) ?? Versions[^1];

    public static async Task<UnitHistory?> LoadAsync(MotCuaDbContext db, UnitDirectory directory, Guid id, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null) return null;
        var versions = await db.UnitVersions.AsNoTracking().Where(v => v.UnitId == id).OrderBy(v => v.ValidFrom).ToListAsync(ct);
        if (versions.Count == 0) return null;
        var today = directory.Today;
        var isOpen = unit.ValidFrom <= today && (unit.ValidTo is null || unit.ValidTo > today);
        var referenceDay = isOpen ? today : unit.ValidFrom > today ? unit.ValidFrom : unit.ValidTo!.Value.AddDays(-1);

        var successions = await db.UnitSuccessions.AsNoTracking().Where(s => s.PredecessorId == id || s.SuccessorId == id).ToListAsync(ct);
        var reorgIds = successions.Select(s => s.ReorganizationId)
            .Concat(versions.Where(v => v.ReorganizationId is not null).Select(v => v.ReorganizationId!.Value)).Distinct().ToList();
        var reorgs = await db.Reorganizations.AsNoTracking().Where(r => reorgIds.Contains(r.Id))
            .Select(r => new { r.Id, r.Title, r.EffectiveDate }).ToDictionaryAsync(r => r.Id, ct);
        var others = successions.Select(s => s.PredecessorId == id ? s.SuccessorId : s.PredecessorId)
            .Concat(versions.Where(v => v.ParentId is not null).Select(v => v.ParentId!.Value)).Distinct().ToList();
        var names = await UnitNames.LatestAsync(db, others, ct);

        var rows = new List<VersionRow>();
        foreach (var v in versions)
        {
            string? parentName = null;
            if (v.ParentId is { } p)
            {
                // The parent as it was called when this version began, not as it is called now.
                parentName = (await directory.OnAsync(v.ValidFrom, ct)).Find(p)?.Name ?? names.GetValueOrDefault(p)?.Name;
            }
            var title = v.ReorganizationId is { } r && reorgs.TryGetValue(r, out var reorg) ? reorg.Title : null;
            rows.Add(new VersionRow(v.ValidFrom, v.ValidTo, v.Name, v.ShortName, v.Code, v.Kind, v.ParentId, parentName, v.ReorganizationId, title));
        }

        SuccessionRow Link(UnitSuccession s, Guid other)
        {
            var n = names.GetValueOrDefault(other);
            var r = reorgs[s.ReorganizationId];
            return new SuccessionRow(other, n?.Name ?? other.ToString(), n?.Code ?? "", s.ReorganizationId, r.Title, r.EffectiveDate, s.Partial, s.Primary);
        }

        var staff = await (from a in db.RoleAssignments.AsNoTracking()
                           join u in db.Users.AsNoTracking() on a.StaffId equals u.Id
                           where a.UnitId == id && a.ValidFrom <= referenceDay && (a.ValidTo == null || a.ValidTo > referenceDay)
                           select new UnitStaffRow(u.Id, u.FullName, a.Role, a.ValidFrom, u.IsActive)).ToListAsync(ct);

        return new UnitHistory
        {
            Unit = unit,
            Versions = rows,
            Predecessors = [.. successions.Where(s => s.SuccessorId == id).Select(s => Link(s, s.PredecessorId)).OrderBy(s => s.Date).ThenBy(s => s.Code, StringComparer.Ordinal)],
            Successors = [.. successions.Where(s => s.PredecessorId == id).OrderByDescending(s => s.Primary).Select(s => Link(s, s.SuccessorId))],
            Children = (await directory.OnAsync(referenceDay, ct)).ChildrenOf(id),
            Staff = [.. staff.OrderBy(s => s.Role).ThenBy(s => s.FullName, StringComparer.Ordinal)],
            ReferenceDay = referenceDay,
            IsOpen = isOpen,
        };
    }
}

public sealed record UnitName(string Name, string Code);

public static class UnitNames
{
    /// <summary>Each unit's latest name and code: how to call a unit that may have closed long ago.</summary>
    public static async Task<Dictionary<Guid, UnitName>> LatestAsync(MotCuaDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var versions = await db.UnitVersions.AsNoTracking().Where(v => ids.Contains(v.UnitId))
            .Select(v => new { v.UnitId, v.ValidFrom, v.Name, v.Code }).ToListAsync(ct);
        return versions.GroupBy(v => v.UnitId)
            .ToDictionary(g => g.Key, g => g.MaxBy(v => v.ValidFrom) is { } v ? new UnitName(v.Name, v.Code) : new UnitName("", ""));
    }
}
