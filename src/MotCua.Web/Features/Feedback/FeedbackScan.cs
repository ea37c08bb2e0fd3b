using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Feedback;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Feedback;

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
