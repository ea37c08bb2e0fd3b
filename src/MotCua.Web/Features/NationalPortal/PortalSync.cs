using Microsoft.Extensions.Options;
using MotCua.Domain.Dossiers;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure.Outbox;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.NationalPortal;

/// <summary>The outbox message: which dossier, at which version. The record itself is built when it is sent.</summary>
public sealed record PortalSyncMessage(Guid DossierId, int Version);

/// <summary>
/// Queues the push of a dossier to the national portal in the transaction that changes it (one message per version,
/// deduplicated on dossier and version), so a change the product committed is pushed, and one it did not is not.
/// Called by <c>DossierService.SaveAsync</c>, the one path every dossier change takes.
/// </summary>
public sealed class PortalSync(MotCuaDbContext db, OutboxWriter outbox, IOptions<PortalOptions> options)
{
    public const string MessageType = "portal.sync";

    private readonly HashSet<(Guid, int)> _queued = [];

    public void Queue(Dossier dossier)
    {
        // Only a new dossier or a new version: a save that leaves the version as it was (a payment settled on its
        // order, say) has no new state for the portal, and its version's push is already queued.
        var entry = db.Entry(dossier);
        if (entry.State != EntityState.Added && !entry.Property(d => d.Version).IsModified) return;
        if (!options.Value.Enabled || !_queued.Add((dossier.Id, dossier.Version))) return;
        outbox.Add(MessageType, new PortalSyncMessage(dossier.Id, dossier.Version), DedupeKey(dossier.Id, dossier.Version));
    }

    public static string DedupeKey(Guid dossierId, int version) => $"portal:{dossierId:N}:{version}";
}
