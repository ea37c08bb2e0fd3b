using MotCua.Simulators.Sms;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Infrastructure.Outbox;

namespace MotCua.Web.Features.Notifications;

public static class NotificationsModule
{
    public static IServiceCollection AddNotificationsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.AddSingleton<IOutboxHandler, EmailHandler>();
        services.Configure<SmsOptions>(configuration.GetSection(SmsOptions.Section));
        // No request logging on this client: one log scope and two entries per SMS, at the outbox's pace, were pure cost
        // (the dispatcher logs every failure with the message id).
        services.AddHttpClient(SmsHandler.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(20)).RemoveAllLoggers();
        services.AddSingleton<IOutboxHandler, SmsHandler>();
        // Demo mode: the bundled SMS gateway simulator answers at /simulators/sms (see MapSimulators).
        services.AddSingleton(sp => new SmsGatewaySimulator(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SmsOptions>>().Value.ApiKey));
        return services;
    }

    /// <summary>The stand-ins for external systems, only when the product runs as a demo (never in production).</summary>
    public static WebApplication MapSimulators(this WebApplication app)
    {
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MotCuaOptions>>().Value.Demo)
        {
            app.Services.GetRequiredService<SmsGatewaySimulator>().Map(app, "/simulators/sms");
            app.MapVNeIdSimulator();
        }
        return app;
    }
}
