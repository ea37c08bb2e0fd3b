namespace MotCua.Web.Features.Insight;

/// <summary>The Decision 766 KPIs: facts and counters kept current by a background refresh, the staff API and open data.</summary>
public static class InsightModule
{
    public static IServiceCollection AddInsightModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<KpiRefreshOptions>(configuration.GetSection(KpiRefreshOptions.Section));
        services.AddScoped<KpiRefresh>();
        services.AddScoped<KpiRollup>();
        services.AddScoped<KpiReader>();
        services.AddScoped<KpiCatalogFigures>();
        services.AddScoped<KpiProcedureCounts>();
        services.AddScoped<KpiScopes>();
        services.AddScoped<KpiDrilldown>();
        services.AddScoped<KpiOverdue>();
        services.AddHostedService<KpiRefreshWatch>();
        return services;
    }

    public static WebApplication MapInsight(this WebApplication app)
    {
        KpiApi.Map(app);
        KpiOpenData.Map(app);
        return app;
    }
}
