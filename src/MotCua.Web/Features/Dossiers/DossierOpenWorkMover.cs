using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Organization;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Dossiers;

/// <summary>Open dossiers (and open tasks) of a closed unit move to its primary successor, in the reorganisation's transaction.</summary>
public sealed class DossierOpenWorkMover(TimeProvider clock) : IOpenWorkMover
{
    public async Task MoveAsync(MotCuaDbContext db, Guid fromUnit, Guid toUnit, DateOnly effective, string reason, CancellationToken ct)
    {
        // The move is recorded when it is applied; the reorganisation's own date is in the reason.
        // Two narrow index lookups first: a city reform closes hundreds of units, most with nothing open.
        var ids = await db.Dossiers.Where(d => d.ReceivingUnitId == fromUnit).Select(d => d.Id)
            .Union(db.DossierTasks.Where(t => t.UnitId == fromUnit && t.CompletedAt == null).Select(t => EF.Property<Guid>(t, "DossierId")))
            .ToListAsync(ct);
        if (ids.Count == 0) return;
        var candidates = await db.Dossiers.Include(d => d.Tasks).Where(d => ids.Contains(d.Id)).ToListAsync(ct);
        foreach (var dossier in candidates)
        {
            dossier.MoveToSuccessorUnit(fromUnit, toUnit, reason, clock.GetUtcNow());
        }
    }
}
