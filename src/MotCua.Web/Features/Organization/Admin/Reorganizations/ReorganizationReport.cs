using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Organization.Admin.Units;
using MotCua.Web.Features.Organization.Data;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Organization.Admin.Reorganizations;

public sealed record UnitState(string Name, string ShortName, string Code, UnitKind Kind, string? ParentName);

public sealed record OpenedRow(Guid UnitId, UnitState After);

public sealed record ChangedRow(Guid UnitId, UnitState Before, UnitState After);

public sealed record SuccessorLink(Guid UnitId, string Name, bool Partial, bool Primary);

public sealed record ClosedRow(Guid UnitId, string Name, string Code, IReadOnlyList<SuccessorLink> Successors);

/// <summary>What one reorganisation did, read back from the versions and successions it wrote.</summary>
public sealed class ReorganizationReport
{
    public required Reorganization Reorganization { get; init; }
    public required IReadOnlyList<OpenedRow> Opened { get; init; }
    public required IReadOnlyList<ChangedRow> Changed { get; init; }
    /// <summary>Every unit the reorganisation closed, with its successors (none for a plain retirement).</summary>
    public required IReadOnlyList<ClosedRow> Closed { get; init; }
    public IEnumerable<Guid> UnitIds =>
        Opened.Select(o => o.UnitId).Concat(Changed.Select(c => c.UnitId)).Concat(Closed.Select(c => c.UnitId))
            .Concat(Closed.SelectMany(c => c.Successors.Select(s => s.UnitId)));

    public static async Task<ReorganizationReport?> LoadAsync(MotCuaDbContext db, UnitDirectory directory, Guid id, CancellationToken ct)
    {
        var reorg = await db.Reorganizations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (reorg is null) return null;
        var day = reorg.EffectiveDate;
        var before = await directory.OnAsync(day.AddDays(-1), ct);
        var after = await directory.OnAsync(day, ct);
        var written = await db.UnitVersions.AsNoTracking().Where(v => v.ReorganizationId == id).ToListAsync(ct);
        var successions = await db.UnitSuccessions.AsNoTracking().Where(s => s.ReorganizationId == id).ToListAsync(ct);
        var closedIds = await db.Units.AsNoTracking().Where(u => u.ClosedByReorganizationId == id).Select(u => u.Id).ToListAsync(ct);
        var ids = successions.SelectMany(s => new[] { s.PredecessorId, s.SuccessorId }).Concat(closedIds).Distinct().ToList();
        var names = await UnitNames.LatestAsync(db, ids, ct);

        UnitState State(UnitVersion v, UnitTree tree) =>
            new(v.Name, v.ShortName, v.Code, v.Kind, v.ParentId is { } p ? tree.Find(p)?.Name ?? after.Find(p)?.Name : null);
        UnitState Snapshot(UnitSnapshot s, UnitTree tree) =>
            new(s.Name, s.ShortName, s.Code, s.Kind, s.ParentId is { } p ? tree.Find(p)?.Name : null);

        var opened = new List<OpenedRow>();
        var changed = new List<ChangedRow>();
        foreach (var v in written.OrderBy(v => v.Code, StringComparer.Ordinal))
        {
            if (before.Find(v.UnitId) is { } was) changed.Add(new ChangedRow(v.UnitId, Snapshot(was, before), State(v, after)));
            else opened.Add(new OpenedRow(v.UnitId, State(v, after)));
        }

        var closed = closedIds
            .Select(unit => new ClosedRow(unit, names.GetValueOrDefault(unit)?.Name ?? "", names.GetValueOrDefault(unit)?.Code ?? "",
                [.. successions.Where(s => s.PredecessorId == unit).OrderByDescending(s => s.Primary)
                    .Select(s => new SuccessorLink(s.SuccessorId, names.GetValueOrDefault(s.SuccessorId)?.Name ?? "", s.Partial, s.Primary))]))
            .OrderBy(c => c.Code, StringComparer.Ordinal).ToList();

        return new ReorganizationReport
        {
            Reorganization = reorg,
            Opened = opened,
            Changed = changed,
            Closed = closed,
        };
    }
}
