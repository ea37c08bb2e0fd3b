using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Organization;

namespace MotCua.Web.Features.Dossiers;

// Processing actions: the web layer loads the dossier once, checks who may act (DossierPermissions), and
// hands the domain call here; this file supplies what the domain needs (the workflow of the dossier's own
// procedure version, the unit tree, the receiving unit's calendar) and saves the change with its notices.
public sealed partial class DossierService
{
    /// <summary>The workflow, unit resolver and working time the dossier moves through.</summary>
    public async Task<ProcessingContext> ContextAsync(Dossier dossier, CancellationToken ct)
    {
        var definition = await VersionAsync(dossier.ProcedureVersionId, ct);
        var tree = await units.TodayAsync(ct);
        var calendar = await calendars.ForUnitAsync(dossier.ReceivingUnitId, ct);
        return new ProcessingContext(definition.Workflow!, workflowUnits.ResolverFor(tree, dossier.ReceivingUnitId, definition.Field), calendar);
    }

    /// <summary>
    /// Applies one action to a dossier loaded by this unit of work, if nobody changed it since the officer saw
    /// <paramref name="expectedVersion"/>; the version column refuses a change that raced past this check.
    /// </summary>
    public async Task<Dossier> ApplyAsync(Dossier dossier, int expectedVersion, Action<Dossier, ProcessingContext, DateTimeOffset> action, CancellationToken ct)
    {
        dossier.EnsureVersion(expectedVersion);
        var context = await ContextAsync(dossier, ct);
        action(dossier, context, clock.GetUtcNow());
        // One SaveChanges is its own transaction (dossier row with its version check, events, tasks, notices):
        // no explicit one around it, which would only add a round trip (ADR 0014).
        await db.Database.CreateExecutionStrategy().ExecuteAsync(ct => SaveAsync(dossier, ct), ct);
        return dossier;
    }

    /// <summary>The end of a consultation's or a step's time, in working days of the receiving unit's calendar.</summary>
    public async Task<DateTimeOffset> WorkingDaysFromNowAsync(Dossier dossier, int days, CancellationToken ct)
    {
        var calendar = await calendars.ForUnitAsync(dossier.ReceivingUnitId, ct);
        return calendar.DueDate(clock.GetUtcNow(), days, Domain.Catalog.TimeUnit.WorkingDays).DueAt;
    }

    /// <summary>A unit of today's tree by its code (transfer and consultation targets), or null.</summary>
    public async Task<UnitSnapshot?> UnitByCodeAsync(string? code, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(code) || code.Length > 32 ? null : (await units.TodayAsync(ct)).FindByCode(code.Trim());
}
