using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Organization;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Dossiers;

public sealed record StaffChoice(Guid Id, string FullName);

/// <summary>Who a task can be given to: active staff holding the task's role in the task's unit today.</summary>
public sealed class DossierStaff(MotCuaDbContext db, UnitDirectory units)
{
    public async Task<IReadOnlyList<StaffChoice>> CandidatesAsync(Guid unitId, StaffRole role, CancellationToken ct)
    {
        var today = units.Today;
        return await db.RoleAssignments.AsNoTracking()
            .Where(r => r.UnitId == unitId && r.Role == role && r.ValidFrom <= today && (r.ValidTo == null || today < r.ValidTo))
            .Join(db.Users.Where(u => u.IsActive), r => r.StaffId, u => u.Id, (r, u) => new { u.Id, u.FullName })
            .Distinct().OrderBy(s => s.FullName).Select(s => new StaffChoice(s.Id, s.FullName)).ToListAsync(ct);
    }

    /// <summary>The staff member as the actor a task is assigned to, or null when they may not take it.</summary>
    public async Task<Actor?> AssigneeAsync(Guid staffId, DossierTask task, CancellationToken ct) =>
        (await CandidatesAsync(task.UnitId, task.Role, ct)).FirstOrDefault(s => s.Id == staffId) is { } s
            ? Actor.Staff(s.Id.ToString(), s.FullName)
            : null;
}
