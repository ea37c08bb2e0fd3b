using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;
using MotCua.Web.Features.Admin;
using MotCua.Web.Features.Audit;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.NationalPortal.Admin;

/// <summary>
/// The national portal sync for the city's administrators: how many pushes wait and since when, which fail and why,
/// and a button to send a parked one again (audited). The runbook for this page is in docs/national-portal.md.
/// </summary>
public sealed class PortalSyncModel(PortalBacklog backlog, MotCuaDbContext db) : CityAdminPageModel
{
    public PortalBacklogView View { get; private set; } = new(0, null, 0, 0, 0, []);

    [BindProperty(SupportsGet = true, Name = "retried")] public bool Retried { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => View = await backlog.ReadAsync(ct);

    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken ct)
    {
        var roots = (await Scope.TodayTreeAsync(ct)).Roots.Select(r => r.Id).ToList();
        // The retry and its audit entry commit together (inside the execution strategy PostgreSQL's retries need).
        var found = await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (!await backlog.RetryAsync(id, ct)) return false;
            RecordChange("portal.sync.retry", new AuditObject("outbox-message", id.ToString(), null), roots);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        }, ct);
        return found ? Redirect("/admin/portal-sync?retried=true") : NotFound();
    }
}
