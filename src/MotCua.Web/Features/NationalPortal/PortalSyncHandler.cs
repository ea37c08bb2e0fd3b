using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Payments;
using MotCua.Web.Infrastructure.Outbox;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.NationalPortal;

/// <summary>
/// Sends a dossier's current state to the portal. Idempotent on the portal's side (upsert on MaHoSo, newest PhienBan
/// kept) and skipped here when the dossier has moved on (the newer version's own message carries it), so a retried,
/// duplicated or reordered message never leaves the portal behind. Failures are retried by the outbox with back-off
/// (2 s, 4 s, … capped at an hour); a record the portal refuses as malformed is parked at once for an administrator.
/// </summary>
public sealed class PortalSyncHandler(IServiceScopeFactory scopes, IHttpClientFactory clients, IOptions<PortalOptions> options,
    IOptions<MotCuaOptions> product, IServer server) : IOutboxHandler
{
    public const string HttpClientName = "national-portal";

    /// <summary>The portal's field names as they are (MaHoSo, not the web default maHoSo).</summary>
    private static readonly System.Text.Json.JsonSerializerOptions FieldNames = new();

    public string Type => PortalSync.MessageType;

    public async Task HandleAsync(OutboxEnvelope message, CancellationToken ct)
    {
        var sync = message.Read<PortalSyncMessage>();
        PortalRecord record;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
            // The version first, in one small query: a dossier moving through its steps queues a message per version,
            // and when the outbox is behind most of them are superseded; loading the whole dossier (eight queries) to
            // find that out was most of the cost of a busy outbox (docs/performance.md, 2026-11-24).
            var current = await db.Dossiers.AsNoTracking().Where(d => d.Id == sync.DossierId).Select(d => (int?)d.Version).FirstOrDefaultAsync(ct);
            if (current is null || current > sync.Version) return;
            var dossier = await db.Dossiers.AsNoTracking().Include(d => d.Tasks).AsSplitQuery().FirstOrDefaultAsync(d => d.Id == sync.DossierId, ct);
            if (dossier is null || dossier.Version > sync.Version) return;
            var procedure = await scope.ServiceProvider.GetRequiredService<DossierService>().VersionAsync(dossier.ProcedureVersionId, ct);
            var tree = await scope.ServiceProvider.GetRequiredService<UnitDirectory>().TodayAsync(ct);
            var receiving = tree.Find(dossier.ReceivingUnitId)?.Code ?? dossier.ReceivingUnitId.ToString();
            var processing = (dossier.MainTask?.UnitId is { } unit ? tree.Find(unit)?.Code : null) ?? receiving;
            var paidOnline = await PaymentService.PaidOnlineDossiers(db).AnyAsync(id => id == dossier.Id, ct);
            record = PortalRecord.From(dossier, procedure, receiving, processing, paidOnline);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUrl() + "/api/hoso/dongbo")) { Content = JsonContent.Create(record, options: FieldNames) };
        request.Headers.Add("X-Api-Key", options.Value.ApiKey);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, options.Value.TimeoutSeconds)));
        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"The national portal did not answer within {options.Value.TimeoutSeconds} s.");
        }
        using (response)
        {
            if (response.IsSuccessStatusCode) return;
            var body = await response.Content.ReadAsStringAsync(ct);
            // Malformed or unauthorised: retrying the same request cannot help; an administrator sees it in the error list.
            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                throw new OutboxPermanentFailure($"The national portal refused {record.MaHoSo} v{record.PhienBan}: {(int)response.StatusCode} {body}");
            throw new HttpRequestException($"The national portal answered {(int)response.StatusCode}: {body}");
        }
    }

    private string BaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.Url)) return options.Value.Url.TrimEnd('/');
        // Demo mode: this host's own address, where the bundled simulator answers.
        return (Infrastructure.SelfAddress.InDemo(product.Value, server)
            ?? throw new InvalidOperationException("The national portal is not configured (MotCua:NationalPortal:Url); the message stays in the outbox."))
            + PortalModule.SimulatorPrefix;
    }
}
