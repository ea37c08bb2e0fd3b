using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Domain.Delivery;
using MotCua.Web.Features.Delivery.Data;
using MotCua.Web.Infrastructure;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Delivery.Postal;

/// <summary>
/// Asks the post about shipments it has not told us about for a while (a lost callback, a product that was down),
/// and takes what it says through the same path as a callback. Safe on several instances: a state is taken once
/// (the shipment's version), and asking twice costs only a request.
/// </summary>
public sealed class PostalReconciler(IServiceScopeFactory scopes, IOptions<PostalOptions> options, TimeProvider clock, ILogger<PostalReconciler> log)
{
    /// <summary>Polls every quiet unfinished shipment once; returns how many moved.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var quietSince = clock.GetUtcNow().AddMinutes(-options.Value.QuietMinutes);
        List<Guid> ids;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
            ShipmentState[] open = [ShipmentState.Accepted, ShipmentState.InTransit, ShipmentState.Failed];
            ids = await db.Set<PostalShipment>().AsNoTracking()
                .Where(s => open.Contains(s.State) && s.CheckedAt < quietSince)
                .OrderBy(s => s.CheckedAt).Select(s => s.Id).Take(200).ToListAsync(ct);
        }
        var moved = 0;
        foreach (var id in ids)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
                var shipment = await db.Set<PostalShipment>().FirstAsync(s => s.Id == id, ct);
                var news = await scope.ServiceProvider.GetRequiredService<IPostalService>().TrackAsync(shipment.OrderNumber, ct);
                if (news is null) continue;
                if (await scope.ServiceProvider.GetRequiredService<ShipmentService>().ApplyAsync(shipment, news, ct)) moved++;
            }
            catch (Exception e) when (e is HttpRequestException or PostalRefused or DbUpdateException or InvalidOperationException or TaskCanceledException)
            {
                // One shipment's trouble does not stop the others; it is asked again on the next round.
                log.LogWarning(e, "Polling shipment {ShipmentId} failed", id);
            }
        }
        return moved;
    }
}

/// <summary>Runs the reconciler every MotCua:Postal:PollMinutes.</summary>
public sealed class PostalReconcilerWorker(PostalReconciler reconciler, IOptions<PostalOptions> options, TimeProvider clock, ILogger<PostalReconcilerWorker> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => !options.Value.PollingEnabled ? Task.CompletedTask
        : PeriodicWork.RunAsync(TimeSpan.FromMinutes(Math.Max(1, options.Value.PollMinutes)), firstRoundNow: false,
            reconciler.RunOnceAsync, log, "Postal reconciliation round", stoppingToken, clock);
}
