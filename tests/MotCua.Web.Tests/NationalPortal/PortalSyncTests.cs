using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Dossiers;
using MotCua.Simulators.NationalPortal;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.NationalPortal;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Infrastructure.Outbox;
using MotCua.Web.Tests.Dossiers;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.NationalPortal;

/// <summary>The bundled portal simulator on its own loopback port, the product pointed at it, the outbox run by the test.</summary>
public sealed class PortalFactory : MotCuaFactory
{
    private readonly WebApplication _portal;

    public PortalFactory()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _portal = builder.Build();
        Portal = new PortalSimulator("test-portal-key");
        Portal.Map(_portal, "/dvcqg");
        _portal.StartAsync().GetAwaiter().GetResult();
        Url = _portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/dvcqg";
    }

    public PortalSimulator Portal { get; }

    public string Url { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("MotCua:Outbox:Enabled", "false");
        builder.UseSetting("MotCua:NationalPortal:Url", Url);
        builder.UseSetting("MotCua:NationalPortal:ApiKey", "test-portal-key");
        builder.UseSetting("MotCua:NationalPortal:TimeoutSeconds", "1");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _portal.DisposeAsync();
    }
}

/// <summary>
/// Every dossier and each status change reaches the national portal from the outbox, once per version, in any order,
/// through failures, time-outs and slowness; the backlog and the parked pushes are visible to the city's administrators.
/// </summary>
public sealed class PortalSyncTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly Actor Officer = Actor.Staff("officer", "Lê Thị Tiếp");

    private Task<Dossier> FileAndAcceptAsync(string key) => factory.WithScopeAsync(async sp =>
    {
        var unit = (await sp.GetRequiredService<UnitDirectory>().TodayAsync()).FindByCode(UnitCodes.Commune2025(1))!.Id;
        var service = sp.GetRequiredService<DossierService>();
        var filed = await service.FileOnlineAsync(BirthFiling.At(unit), BirthFiling.Citizen, key, CancellationToken.None);
        return await service.AcceptAsync(filed.Id, filed.Version, Officer, CancellationToken.None);
    });

    private async Task DispatchAsync(int rounds = 1)
    {
        var dispatcher = factory.Services.GetRequiredService<OutboxDispatcher>();
        for (var i = 0; i < rounds; i++) await dispatcher.DispatchOnceAsync(CancellationToken.None);
    }

    private Task<List<OutboxMessage>> MessagesAsync(Guid dossierId) => factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
        .Where(m => m.Type == PortalSync.MessageType && m.DedupeKey!.StartsWith($"portal:{dossierId:N}:")).ToListAsync());

    /// <summary>Makes every waiting push of the dossier due now (the outbox's back-off would otherwise wait seconds).</summary>
    private Task DueNowAsync(Guid dossierId) => factory.WithDbAsync(db => db.OutboxMessages
        .Where(m => m.Type == PortalSync.MessageType && m.DedupeKey!.StartsWith($"portal:{dossierId:N}:"))
        .ExecuteUpdateAsync(s => s.SetProperty(m => m.AvailableAtMs, 0L)));

    [Fact]
    public async Task Filing_and_acceptance_reach_the_portal_with_the_national_fields_once()
    {
        factory.Portal.Mode = PortalMode.Normal;
        var dossier = await FileAndAcceptAsync("portal-1");
        // One push per version the dossier went through, each queued once.
        var queued = await MessagesAsync(dossier.Id);
        Assert.Equal(dossier.Version, queued.Count);
        Assert.Equal(queued.Count, queued.Select(m => m.DedupeKey).Distinct().Count());

        await DispatchAsync(2);

        var held = factory.Portal.Find(dossier.Code!);
        Assert.NotNull(held);
        Assert.Equal(dossier.Version, held.PhienBan);
        var record = held.Record;
        Assert.Equal(BirthFiling.Code, record.GetProperty("MaTTHC").GetString());
        Assert.Equal((int)dossier.Status, record.GetProperty("TrangThaiHoSo").GetInt32());
        Assert.Equal(2, record.GetProperty("KenhThucHien").GetInt32());
        Assert.Equal(1, record.GetProperty("LoaiDoiTuong").GetInt32());
        Assert.Matches(@"^\d{14}$", record.GetProperty("NgayTiepNhan").GetString());
        Assert.Matches(@"^\d{14}$", record.GetProperty("NgayHenTra").GetString());
        Assert.Equal(UnitCodes.Commune2025(1), record.GetProperty("DonViTiepNhan").GetString());
        // No personal number leaves for the portal.
        Assert.DoesNotContain(BirthFiling.Owner.IdNumber, record.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(BirthFiling.Owner.Phone!, record.GetRawText(), StringComparison.Ordinal);
        // The earlier versions' messages found the dossier already moved on and left it to the newest: one receipt.
        Assert.Equal(1, held.Receipts);
        Assert.All(await MessagesAsync(dossier.Id), m => Assert.NotNull(m.ProcessedAtMs));
    }

    [Fact]
    public async Task A_push_sent_again_after_a_crash_counts_once_and_an_older_one_never_overwrites()
    {
        factory.Portal.Mode = PortalMode.Normal;
        var dossier = await FileAndAcceptAsync("portal-2");
        await DispatchAsync(2);
        var latest = (await MessagesAsync(dossier.Id)).Single(m => m.DedupeKey!.EndsWith($":{dossier.Version}", StringComparison.Ordinal));

        // As if the process died after the portal answered but before the message was marked done.
        await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == latest.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAtMs, (long?)null)));
        await DispatchAsync();
        var held = factory.Portal.Find(dossier.Code!)!;
        Assert.Equal(dossier.Version, held.PhienBan);
        Assert.Equal(2, held.Receipts);                     // delivered twice …
        Assert.Equal([dossier.Version, dossier.Version], held.Versions); // … the same version: the portal holds one record

        // An older record arriving late is acknowledged and ignored.
        using var client = new HttpClient();
        var old = JsonSerializer.Serialize(new { MaHoSo = dossier.Code, PhienBan = 1, MaTTHC = BirthFiling.Code, TrangThaiHoSo = 1 });
        using var request = new HttpRequestMessage(HttpMethod.Post, factory.Url + "/api/hoso/dongbo") { Content = new StringContent(old, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", "test-portal-key");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        Assert.Equal(dossier.Version, factory.Portal.Find(dossier.Code!)!.PhienBan);
        Assert.Equal((int)dossier.Status, factory.Portal.Find(dossier.Code!)!.Record.GetProperty("TrangThaiHoSo").GetInt32());
    }

    [Theory]
    [InlineData(PortalMode.Fail)]
    [InlineData(PortalMode.Timeout)]
    public async Task A_portal_that_fails_or_times_out_is_retried_until_it_answers(PortalMode mode)
    {
        factory.Portal.Mode = mode;
        factory.Portal.Delay = TimeSpan.FromSeconds(3);
        var dossier = await FileAndAcceptAsync($"portal-{mode}");
        await DispatchAsync(2);
        Assert.Null(factory.Portal.Find(dossier.Code!));
        // The newest version's push failed and waits for its next try (the older ones stood aside for it).
        var newest = (await MessagesAsync(dossier.Id)).Single(m => m.DedupeKey!.EndsWith($":{dossier.Version}", StringComparison.Ordinal));
        Assert.Null(newest.ProcessedAtMs);
        Assert.True(newest.LastError is { Length: > 0 } && newest.AvailableAtMs > newest.CreatedAtMs, newest.LastError);
        var backlog = await factory.WithScopeAsync(sp => sp.GetRequiredService<PortalBacklog>().ReadAsync(CancellationToken.None));
        Assert.True(backlog.Waiting >= 1 && backlog.Failing >= 1);
        Assert.Contains(backlog.Problems, p => p.DossierId == dossier.Id && !p.Parked);

        factory.Portal.Mode = PortalMode.Normal;
        await DueNowAsync(dossier.Id);
        await DispatchAsync(2);
        Assert.Equal(dossier.Version, factory.Portal.Find(dossier.Code!)!.PhienBan);
        Assert.All(await MessagesAsync(dossier.Id), m => Assert.NotNull(m.ProcessedAtMs));
    }

    [Fact]
    public async Task A_slow_portal_within_the_time_limit_is_just_slow()
    {
        factory.Portal.Mode = PortalMode.Slow;
        factory.Portal.Delay = TimeSpan.FromMilliseconds(300);
        var dossier = await FileAndAcceptAsync("portal-slow");
        await DispatchAsync(2);
        Assert.Equal(dossier.Version, factory.Portal.Find(dossier.Code!)!.PhienBan);
        factory.Portal.Mode = PortalMode.Normal;
    }

    [Fact]
    public async Task A_refused_push_is_parked_listed_and_sent_again_by_an_administrator()
    {
        factory.Portal.Mode = PortalMode.Normal;
        var dossier = await FileAndAcceptAsync("portal-parked");
        // A key the portal does not know: 401, which retrying cannot mend.
        var message = (await MessagesAsync(dossier.Id)).OrderBy(m => m.DedupeKey).Last();
        await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == message.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.DeadAtMs, 1L).SetProperty(m => m.LastError, "The national portal refused it: 401")));

        var backlog = await factory.WithScopeAsync(sp => sp.GetRequiredService<PortalBacklog>().ReadAsync(CancellationToken.None));
        Assert.Contains(backlog.Problems, p => p.MessageId == message.Id && p.Parked);

        using var admin = await StaffClient.SignInAsync(factory, "admin@motcua.demo");
        Assert.Contains("401", await admin.GetPageAsync("/admin/portal-sync"), StringComparison.Ordinal);
        Assert.Equal("/admin/portal-sync?retried=true",
            await admin.PostFormExpectingRedirectAsync("/admin/portal-sync", [], $"/admin/portal-sync?handler=retry&id={message.Id}"));
        await DispatchAsync(2);
        Assert.Equal(dossier.Version, factory.Portal.Find(dossier.Code!)!.PhienBan);

        using var officer = await StaffClient.SignInAsync(factory, "chuyenvien@motcua.demo");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/admin/portal-sync")).StatusCode);
    }
}
