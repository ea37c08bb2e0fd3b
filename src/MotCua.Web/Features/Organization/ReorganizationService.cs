using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Organization.Data;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Organization;

public sealed record ReorganizationRequest(
    ReorganizationKind Kind, DateOnly EffectiveDate, string Title, string? LegalBasis,
    IReadOnlyList<ReorganizationChange> Changes);

public sealed record ReorganizationOutcome(Guid? ReorganizationId, IReadOnlyList<PlanError> Errors, IReadOnlyDictionary<string, Guid> NewUnits)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Moves a closed unit's open work to its successor. Each module that keeps work against units implements
/// it (role assignments here; dossiers and feedback reports in their modules), so a reorganisation never
/// leaves work with a unit that no longer exists.
/// </summary>
public interface IOpenWorkMover
{
    Task MoveAsync(MotCuaDbContext db, Guid fromUnit, Guid toUnit, DateOnly effective, string reason, CancellationToken ct);
}

/// <summary>Applies a dated reorganisation in one transaction: all of it, or nothing.</summary>
public sealed class ReorganizationService(MotCuaDbContext db, IEnumerable<IOpenWorkMover> movers, TimeProvider clock)
{
    public async Task<ReorganizationOutcome> ApplyAsync(ReorganizationRequest request, string actor, CancellationToken ct = default)
    {
        var day = request.EffectiveDate;
        var before = await UnitDirectory.LoadAsync(db, day, ct);
        var errors = ReorganizationPlan.Validate(before, request.Changes).ToList();
        if (string.IsNullOrWhiteSpace(request.Title)) errors.Add(new("$.title", "Tên lần sắp xếp không được để trống."));
        await CheckNothingLaterAsync(request.Changes, day, errors, ct);
        if (errors.Count > 0) return new(null, errors, new Dictionary<string, Guid>());

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var outcome = await WriteAsync(request, actor, before, ct);
            await tx.CommitAsync(ct);
            UnitDirectory.Invalidate();
            return outcome;
        });
    }

    private async Task<ReorganizationOutcome> WriteAsync(ReorganizationRequest request, string actor, List<UnitSnapshot> before, CancellationToken ct)
    {
        var day = request.EffectiveDate;
        var reorg = new Reorganization
        {
            Id = Guid.NewGuid(), Kind = request.Kind, EffectiveDate = day, Title = request.Title.Trim(),
            LegalBasis = request.LegalBasis, AppliedAt = clock.GetUtcNow(), AppliedBy = actor,
        };
        db.Reorganizations.Add(reorg);
        var newIds = request.Changes.OfType<OpenUnit>().ToDictionary(o => o.Key, _ => Guid.NewGuid());
        Guid Resolve(UnitRef r) => r.Existing ?? newIds[r.NewKey!];
        var beforeById = before.ToDictionary(u => u.Id);
        var affected = request.Changes.Select(c => c switch { AmendUnit a => a.UnitId, CloseUnit c2 => c2.UnitId, _ => Guid.Empty })
            .Where(id => id != Guid.Empty).ToList();
        var currentVersions = await db.UnitVersions
            .Where(v => affected.Contains(v.UnitId) && v.ValidFrom <= day && (v.ValidTo == null || v.ValidTo > day))
            .ToDictionaryAsync(v => v.UnitId, ct);
        var closedUnits = await db.Units.Where(u => affected.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);

        foreach (var change in request.Changes)
        {
            switch (change)
            {
                case OpenUnit o:
                    db.Units.Add(new Unit { Id = newIds[o.Key], AdministrativeCode = o.AdministrativeCode, ValidFrom = day });
                    db.UnitVersions.Add(new UnitVersion
                    {
                        Id = Guid.NewGuid(), UnitId = newIds[o.Key], ValidFrom = day, Code = o.Code.Trim(), Name = o.Name.Trim(),
                        ShortName = string.IsNullOrWhiteSpace(o.ShortName) ? o.Name.Trim() : o.ShortName.Trim(),
                        Kind = o.Kind, ParentId = o.Parent is { } p ? Resolve(p) : null, ReorganizationId = reorg.Id,
                    });
                    break;
                case AmendUnit a:
                    var old = currentVersions[a.UnitId];
                    var was = beforeById[a.UnitId];
                    old.ValidTo = day;
                    db.UnitVersions.Add(new UnitVersion
                    {
                        Id = Guid.NewGuid(), UnitId = a.UnitId, ValidFrom = day, Code = a.Code?.Trim() ?? was.Code,
                        Name = a.Name?.Trim() ?? was.Name, ShortName = a.ShortName?.Trim() ?? (a.Name?.Trim() ?? was.ShortName),
                        Kind = a.Kind ?? was.Kind, ParentId = a.Parent is { } np ? Resolve(np) : was.ParentId, ReorganizationId = reorg.Id,
                    });
                    break;
                case CloseUnit c:
                    currentVersions[c.UnitId].ValidTo = day;
                    var unit = closedUnits[c.UnitId];
                    unit.ValidTo = day;
                    unit.ClosedByReorganizationId = reorg.Id;
                    for (var i = 0; i < c.Successors.Count; i++)
                    {
                        var successor = Resolve(c.Successors[i].Unit);
                        if (i == 0) unit.SuccessorId = successor;
                        db.UnitSuccessions.Add(new UnitSuccession
                        {
                            Id = Guid.NewGuid(), ReorganizationId = reorg.Id, PredecessorId = c.UnitId, SuccessorId = successor,
                            Partial = c.Successors[i].Partial, Primary = i == 0,
                        });
                    }
                    break;
            }
        }
        await db.SaveChangesAsync(ct);

        foreach (var close in request.Changes.OfType<CloseUnit>())
        {
            var reason = $"{reorg.Title} ({day:yyyy-MM-dd})";
            if (close.Successors.Count == 0)
            {
                continue;
            }
            var to = Resolve(close.Successors[0].Unit);
            foreach (var mover in movers) await mover.MoveAsync(db, close.UnitId, to, day, reason, ct);
        }
        await db.SaveChangesAsync(ct);
        return new(reorg.Id, [], newIds);
    }

    /// <summary>History is written in order: a unit that already changed after the effective date cannot be changed before it.</summary>
    private async Task CheckNothingLaterAsync(IReadOnlyList<ReorganizationChange> changes, DateOnly day, List<PlanError> errors, CancellationToken ct)
    {
        var ids = changes.Select(c => c switch { AmendUnit a => a.UnitId, CloseUnit c2 => c2.UnitId, _ => Guid.Empty }).Where(id => id != Guid.Empty).ToList();
        var later = await db.UnitVersions.Where(v => ids.Contains(v.UnitId) && v.ValidFrom > day).Select(v => v.UnitId).Distinct().ToListAsync(ct);
        for (var i = 0; i < changes.Count; i++)
        {
            var id = changes[i] switch { AmendUnit a => a.UnitId, CloseUnit c => c.UnitId, _ => Guid.Empty };
            if (later.Contains(id)) errors.Add(new($"$.changes[{i}].unitId", "Đơn vị đã có thay đổi sau ngày hiệu lực này; hãy chọn ngày muộn hơn."));
        }
    }
}

/// <summary>Staff keep working in the successor unit: the old assignment ends, a new one starts on the same day.</summary>
public sealed class RoleAssignmentMover : IOpenWorkMover
{
    public async Task MoveAsync(MotCuaDbContext db, Guid fromUnit, Guid toUnit, DateOnly effective, string reason, CancellationToken ct)
    {
        var open = await db.RoleAssignments
            .Where(r => r.UnitId == fromUnit && (r.ValidTo == null || r.ValidTo > effective))
            .ToListAsync(ct);
        foreach (var assignment in open)
        {
            var start = assignment.ValidFrom > effective ? assignment.ValidFrom : effective;
            assignment.ValidTo = start;
            assignment.EndReason = reason;
            db.RoleAssignments.Add(new RoleAssignment
            {
                Id = Guid.NewGuid(), StaffId = assignment.StaffId, UnitId = toUnit, Role = assignment.Role, ValidFrom = start,
            });
        }
    }
}
