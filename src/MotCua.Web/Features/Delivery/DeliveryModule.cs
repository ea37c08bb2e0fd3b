using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using MotCua.Simulators.Postal;
using MotCua.Web.Features.Delivery.Postal;
using MotCua.Web.Infrastructure.Outbox;

namespace MotCua.Web.Features.Delivery;

/// <summary>Delivery by post: the applicant's choice, shipments, the postal adapter, its callbacks and polling, the simulator.</summary>
public static class DeliveryModule
{
    public const string SimulatorClientName = "postal-simulator";

    public static IServiceCollection AddDeliveryModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DeliveryOptions>(configuration.GetSection(DeliveryOptions.Section));
        services.Configure<PostalOptions>(configuration.GetSection(PostalOptions.Section));
        services.AddScoped<DeliveryChoices>();
        services.AddScoped<ShipmentService>();
        services.AddHttpClient(PostalHttpService.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(20)).RemoveAllLoggers();
        services.AddHttpClient(SimulatorClientName, c => c.Timeout = TimeSpan.FromSeconds(20)).RemoveAllLoggers();
        services.AddScoped<IPostalService, PostalHttpService>();
        services.AddSingleton<IOutboxHandler, CreateShipmentHandler>();
        services.AddSingleton<PostalReconciler>();
        services.AddHostedService<PostalReconcilerWorker>();
        // Demo mode: the bundled post answers at /simulators/postal and calls this host back (see MapDelivery).
        services.AddSingleton(sp =>
        {
            var postal = sp.GetRequiredService<IOptions<PostalOptions>>().Value;
            return new PostalSimulator(new PostalSimulatorSettings
            {
                Token = postal.Token,
                CallbackSecret = postal.CallbackSecret,
                CallbackUrl = () => CallbackUrl(sp),
                Client = () => sp.GetRequiredService<IHttpClientFactory>().CreateClient(SimulatorClientName),
                Clock = sp.GetRequiredService<TimeProvider>(),
            });
        });
        services.AddHostedService<PostalSimulatorClock>();
        return services;
    }

    public static WebApplication MapDelivery(this WebApplication app)
    {
        app.MapPostalCallback();
        if (app.Services.GetRequiredService<IOptions<MotCuaOptions>>().Value.Demo)
            app.Services.GetRequiredService<PostalSimulator>().Map(app, PostalHttpService.SimulatorPrefix);
        return app;
    }

    /// <summary>Where the simulator posts its callbacks: MotCua:Postal:SimulatorCallbackUrl, else this host's own address.</summary>
    private static Uri? CallbackUrl(IServiceProvider sp)
    {
        var configured = sp.GetRequiredService<IConfiguration>()["MotCua:Postal:SimulatorCallbackUrl"];
        if (!string.IsNullOrWhiteSpace(configured)) return new Uri(configured);
        var self = Infrastructure.SelfAddress.InDemo(sp.GetRequiredService<IOptions<MotCuaOptions>>().Value, sp.GetRequiredService<IServer>());
        return self is null ? null : new Uri(self + PostalCallbackApi.Route);
    }
}

/// <summary>Demo mode: the simulated post moves every shipment one state on every MotCua:Postal:SimulatorStepSeconds.</summary>
public sealed class PostalSimulatorClock(PostalSimulator simulator, IOptions<PostalOptions> options, IOptions<MotCuaOptions> product, TimeProvider clock,
    ILogger<PostalSimulatorClock> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!product.Value.Demo || options.Value.SimulatorStepSeconds <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SimulatorStepSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await simulator.AdvanceAllAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "The postal simulator could not move its orders this round");
            }
        }
    }
}
