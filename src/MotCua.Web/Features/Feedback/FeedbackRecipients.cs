using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Feedback;

/// <summary>
/// Who the feedback jobs write to: active staff with an e-mail holding a role in a unit today (the role assignments'
/// own validity, as the dossier work uses them). Reminders go to the handling unit, escalations to the level above.
/// </summary>
public sealed class FeedbackRecipients(MotCuaDbContext db, DossierStaff staff)
{
    public async Task<IReadOnlyList<(string Email, string Name)>> InUnitAsync(Guid unit, IReadOnlyList<StaffRole> roles, CancellationToken ct)
    {
        var ids = new HashSet<Guid>();
        foreach (var role in roles) ids.UnionWith((await staff.CandidatesAsync(unit, role, ct)).Select(s => s.Id));
        if (ids.Count == 0) return [];
        return (await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.IsActive && u.Email != null)
                .OrderBy(u => u.FullName).Select(u => new { u.Email, u.FullName }).ToListAsync(ct))
            .Select(u => (u.Email!, u.FullName)).ToList();
    }

    /// <summary>The supervisors over a unit: the unit's own, else the nearest level up that has any.</summary>
    public async Task<IReadOnlyList<(string Email, string Name)>> SupervisorsOverAsync(UnitTree tree, Guid unit, CancellationToken ct)
    {
        foreach (var level in new[] { unit }.Concat(tree.AncestorsOf(unit).Select(a => a.Id)))
        {
            if (await InUnitAsync(level, [StaffRole.Supervisor], ct) is { Count: > 0 } found) return found;
        }
        return [];
    }
}
