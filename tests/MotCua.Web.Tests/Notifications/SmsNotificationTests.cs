using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Simulators.Sms;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Infrastructure.Outbox;
using MotCua.Web.Infrastructure.Persistence;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Notifications;

/// <summary>The bundled SMS gateway simulator on its own loopback port, and the product pointed at it.</summary>
public class SmsFactory : MotCuaFactory
{
    private readonly WebApplication _gateway;

    public SmsFactory()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _gateway = builder.Build();
        Simulator = new SmsGatewaySimulator("test-sms-key");
        Simulator.Map(_gateway, "/sms");
        _gateway.StartAsync().GetAwaiter().GetResult();
        GatewayUrl = _gateway.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/sms";
    }

    public SmsGatewaySimulator Simulator { get; }

    public string GatewayUrl { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("MotCua:Outbox:Enabled", "false");
        builder.UseSetting("MotCua:Sms:Url", GatewayUrl);
        builder.UseSetting("MotCua:Sms:ApiKey", "test-sms-key");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _gateway.DisposeAsync();
    }
}

/// <summary>SMS leaves through the outbox, is spoken over HTTP to the gateway simulator, and counts once.</summary>
public sealed class SmsNotificationTests(SmsFactory factory) : IClassFixture<SmsFactory>
{
    private async Task<Guid> QueueAsync(string to, string text) => await factory.WithScopeAsync(async sp =>
    {
        var message = sp.GetRequiredService<OutboxWriter>().Add(SmsHandler.MessageType, new SmsNotification(to, text));
        await sp.GetRequiredService<MotCuaDbContext>().SaveChangesAsync();
        return message.Id;
    });

    private Task DispatchAsync() => factory.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(CancellationToken.None);

    private Task<OutboxMessage> ReadAsync(Guid id) => factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    [Fact]
    public async Task An_sms_is_delivered_and_a_redelivery_after_a_crash_counts_once()
    {
        var id = await QueueAsync("0912345678", "Hồ sơ 000.01.60.H26-260302-0001 đã có kết quả.");
        await DispatchAsync();
        Assert.Single(factory.Simulator.Messages, m => m.Id == id.ToString("N") && m.To == "0912345678");

        // As if the process died after sending but before marking the message done.
        await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAtMs, (long?)null)));
        await DispatchAsync();

        Assert.Single(factory.Simulator.Messages, m => m.Id == id.ToString("N"));
        Assert.NotNull((await ReadAsync(id)).ProcessedAtMs);
    }

    [Fact]
    public async Task A_number_the_gateway_refuses_is_parked_at_once()
    {
        var id = await QueueAsync("12345", "Thử");
        await DispatchAsync();
        var stored = await ReadAsync(id);
        Assert.NotNull(stored.DeadAtMs);
        Assert.Equal(1, stored.Attempts);
        Assert.Contains("bad_number", stored.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_the_gateway_is_down_the_sms_waits_for_a_retry()
    {
        factory.Simulator.Unavailable = true;
        try
        {
            var id = await QueueAsync("+84987654321", "Hẹn trả kết quả đã thay đổi.");
            await DispatchAsync();
            var stored = await ReadAsync(id);
            Assert.Null(stored.ProcessedAtMs);
            Assert.Null(stored.DeadAtMs);
            Assert.Contains("503", stored.LastError, StringComparison.Ordinal);
            Assert.DoesNotContain(factory.Simulator.Messages, m => m.Id == id.ToString("N"));
        }
        finally
        {
            factory.Simulator.Unavailable = false;
        }
    }
}
