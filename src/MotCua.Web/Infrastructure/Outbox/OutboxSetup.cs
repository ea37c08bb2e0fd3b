namespace MotCua.Web.Infrastructure.Outbox;

public static class OutboxSetup
{
    public static IServiceCollection AddMotCuaOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.Section));
        services.AddScoped<OutboxWriter>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxWorker>();
        return services;
    }
}
