using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Simulators.Postal;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Features.Delivery;
using MotCua.Web.Features.Delivery.Data;
using MotCua.Web.Features.Delivery.Postal;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure.Outbox;
using MotCua.Web.Tests.Citizens;
using MotCua.Web.Tests.Dossiers;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Delivery;

/// <summary>
/// The real host with the bundled post simulator mapped in it (demo mode), reached over the test server both ways:
/// the product's orders go to /simulators/postal, the simulator's callbacks come back to the product. Nothing moves
/// by itself: no outbox worker, no simulator clock, no polling timer; the tests drive each.
/// </summary>
public sealed class DeliveryFactory : MotCuaFactory
{
    public const string Secret = "test-postal-callback-secret";
    public string FileFolder { get; } = Path.Combine(Path.GetTempPath(), "motcua-delivery-files-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("MotCua:Storage:Path", FileFolder);
        builder.UseSetting("MotCua:Outbox:Enabled", "false");
        builder.UseSetting("MotCua:Postal:BaseUrl", "http://localhost" + PostalHttpService.SimulatorPrefix);
        builder.UseSetting("MotCua:Postal:Token", "test-postal-token");
        builder.UseSetting("MotCua:Postal:CustomerCode", "TEST");
        builder.UseSetting("MotCua:Postal:CallbackSecret", Secret);
        builder.UseSetting("MotCua:Postal:SimulatorCallbackUrl", "http://localhost" + PostalCallbackApi.Route);
        builder.UseSetting("MotCua:Postal:SimulatorStepSeconds", "0");
        builder.UseSetting("MotCua:Postal:PollingEnabled", "false");
        builder.ConfigureTestServices(services =>
        {
            foreach (var name in new[] { PostalHttpService.HttpClientName, DeliveryModule.SimulatorClientName })
                services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(sp => ((TestServer)sp.GetRequiredService<IServer>()).CreateHandler());
        });
    }

    public PostalSimulator Post => Services.GetRequiredService<PostalSimulator>();

    /// <summary>A birth dossier of Phường Hoàn Kiếm filed by An, with the given delivery choice, driven to status 9 when asked.</summary>
    public async Task<Dossier> DossierAsync(Channel method, bool processed)
    {
        var id = await WithScopeAsync(async sp => (await BirthFiling.FileAsync(sp.GetRequiredService<DossierService>(),
            await CitizenClient.HoanKiemAsync(this), "delivery-" + Guid.NewGuid().ToString("N"))).Id);
        await WithDbAsync(async db =>
        {
            db.Add(new DeliveryChoice
            {
                Id = Guid.NewGuid(), DossierId = id, Method = method, ConfirmedAt = DateTimeOffset.UtcNow, ResultFee = method == Channel.Post ? 22_000 : 0,
                Receiver = method == Channel.Post ? new PostalReceiver { Name = "Nguyễn Văn An", Phone = "0912345678", Street = "12 Hàng Bạc", Commune = "Phường Hoàn Kiếm", Province = "Thành phố Hà Nội" } : null,
            });
            if (processed)
            {
                var d = await db.Dossiers.Include(x => x.Tasks).SingleAsync(x => x.Id == id);
                var version = await db.ProcedureVersions.SingleAsync(v => v.Id == d.ProcedureVersionId);
                var ctx = new ProcessingContext(CatalogService.Read(version).Workflow!, _ => d.ReceivingUnitId, WorkingCalendar.Default);
                var officer = Actor.Staff("officer-1", "Lê Thị Tiếp");
                var now = DateTimeOffset.UtcNow;
                d.Accept(DossierCode.Create("000.01.60.H26", now, Random.Shared.Next(1000, 999_999)), WorkingCalendar.Default.DueDate(now, 3, TimeUnit.WorkingDays), ctx, officer, now);
                d.Forward(ctx, officer, now);
                d.Approve(ctx, officer, now);
                d.IssueResult(ctx, [new ResultDocumentRef("Giấy khai sinh", Guid.NewGuid())], officer, now);
            }
            return await db.SaveChangesAsync();
        });
        return await WithDbAsync(db => db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == id));
    }

    /// <summary>Runs the order handler for every postal order message not yet done, as the outbox would (once each).</summary>
    public async Task<int> SendOrdersAsync()
    {
        var messages = await WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.Type == ShipmentService.CreateMessageType && m.ProcessedAtMs == null).ToListAsync());
        var handler = Services.GetServices<IOutboxHandler>().Single(h => h.Type == ShipmentService.CreateMessageType);
        foreach (var m in messages)
        {
            await handler.HandleAsync(new OutboxEnvelope(m.Id, m.Type, m.Payload, 1), CancellationToken.None);
            await WithDbAsync(db => db.OutboxMessages.Where(x => x.Id == m.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ProcessedAtMs, 1L)));
        }
        return messages.Count;
    }

    public Task<List<PostalShipment>> ShipmentsAsync(Guid dossierId) =>
        WithDbAsync(db => db.Set<PostalShipment>().AsNoTracking().Where(s => s.DossierId == dossierId).ToListAsync());

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(FileFolder)) Directory.Delete(FileFolder, recursive: true);
    }
}
