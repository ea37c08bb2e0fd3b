namespace MotCua.Web.Features.Audit;

public static class AuditModule
{
    public static IServiceCollection AddAuditModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuditOptions>(configuration.GetSection(AuditOptions.Section));
        services.AddHttpContextAccessor();
        services.AddSingleton<AuditGroupWriter>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<AuditSearch>();
        services.AddScoped<AuditVerifier>();
        services.AddSingleton<AuditSealer>();
        services.AddHostedService<AuditSealerWorker>();
        return services;
    }
}
