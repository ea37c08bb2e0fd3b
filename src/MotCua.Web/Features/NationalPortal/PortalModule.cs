using Microsoft.Extensions.Options;
using MotCua.Simulators.NationalPortal;
using MotCua.Web.Infrastructure.Outbox;

namespace MotCua.Web.Features.NationalPortal;

/// <summary>National Public Service Portal sync (issue 8): every dossier and status change pushed from the outbox.</summary>
public static class PortalModule
{
    public const string SimulatorPrefix = "/simulators/dvcqg";

    public static IServiceCollection AddNationalPortalModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PortalOptions>(configuration.GetSection(PortalOptions.Section));
        services.AddScoped<PortalSync>();
        services.AddHttpClient(PortalSyncHandler.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers();
        services.AddSingleton<IOutboxHandler, PortalSyncHandler>();
        services.AddScoped<PortalBacklog>();
        services.AddSingleton(sp => new PortalSimulator(sp.GetRequiredService<IOptions<PortalOptions>>().Value.ApiKey));
        return services;
    }

    public static WebApplication MapNationalPortal(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<MotCuaOptions>>().Value.Demo)
            app.Services.GetRequiredService<PortalSimulator>().Map(app, SimulatorPrefix);
        return app;
    }
}
