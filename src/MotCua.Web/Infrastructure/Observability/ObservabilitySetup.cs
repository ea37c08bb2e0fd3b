using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Console;
using MotCua.Web.Infrastructure.Persistence;
using OpenTelemetry.Metrics;

namespace MotCua.Web.Infrastructure.Observability;

public static class ObservabilitySetup
{
    /// <summary>The product's own meter; modules add their instruments to it.</summary>
    public static readonly Meter Meter = new("MotCua", "1.0");

    public static WebApplicationBuilder AddMotCuaLogging(this WebApplicationBuilder builder)
    {
        // One JSON object per line: what log shippers read without parsing rules. Development overrides
        // the formatter to "simple" in appsettings.Development.json for people reading a terminal.
        var formatter = builder.Configuration["Logging:Console:FormatterName"] ?? ConsoleFormatterNames.Json;
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.FormatterName = formatter);
        builder.Services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
        });
        return builder;
    }

    public static IServiceCollection AddMotCuaObservability(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OperationsGaugesOptions>(configuration.GetSection(OperationsGaugesOptions.Section));
        services.AddSingleton<OperationsGauges>();
        services.AddHostedService(sp => sp.GetRequiredService<OperationsGauges>());
        services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter(Meter.Name)
            .AddAspNetCoreInstrumentation()
            .AddMeter("System.Runtime")
            .AddPrometheusExporter());
        services.AddHealthChecks()
            .AddDbContextCheck<MotCuaDbContext>("database", tags: ["ready"])
            .AddCheck<MigrationsAppliedCheck>("migrations", tags: ["ready"]);
        return services;
    }

    public static WebApplication MapMotCuaObservability(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains("ready"),
            ResponseWriter = HealthResponse.WriteAsync,
        }).AllowAnonymous();
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        return app;
    }
}

/// <summary>Ready means the schema this build expects is in place, not only that the database answers.</summary>
internal sealed class MigrationsAppliedCheck(MotCuaDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy("All migrations applied.")
            : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) pending: {string.Join(", ", pending)}");
    }
}
