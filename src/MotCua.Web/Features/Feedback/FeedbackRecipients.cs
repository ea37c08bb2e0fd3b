using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Feedback;
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

/// <summary>What the escalation and the reminders share: the facts their e-mails give, and saving one report at a time.</summary>
internal static class FeedbackScan
{
    /// <summary>The category's name, the handling unit's name and the due time in Vietnam, as the e-mails print them.</summary>
    public static async Task<(string Category, string Unit, string Due)> FactsAsync(FeedbackCategories categories, UnitTree tree, FeedbackReport r, CancellationToken ct) =>
        ((await categories.FindAsync(r.CategoryCode, ct))?.Name ?? r.CategoryCode, tree.Find(r.HandlingUnitId)?.Name ?? "",
            r.DueAt.ToOffset(WorkingCalendar.VietnamOffset).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture));

    /// <summary>
    /// Saves one report's change with its e-mails. False when another instance (or an officer) changed the report first:
    /// theirs stands, this unit of work is dropped, and the next round looks again.
    /// </summary>
    public static async Task<bool> SaveOneAsync(MotCuaDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (DossierConflicts.IsConflict(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
