using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace MotCua.Web.Infrastructure;

/// <summary>
/// Limits, per client address, on the anonymous JSON API: filings over the API (demo mode) and the open reads of the
/// catalogue, units and calendar. They keep one client from taking the service from everyone else; refusals are 429
/// with Retry-After (written by the limiter's OnRejected in RateLimits.cs). Settings under MotCua:RateLimits.
/// </summary>
public static class PublicRateLimits
{
    public const string Submission = "submission";
    public const string PublicApi = "public-api";

    public static IServiceCollection AddPublicRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var submissions = configuration.GetValue("MotCua:RateLimits:SubmissionsPerMinute", 30);
        var reads = configuration.GetValue("MotCua:RateLimits:PublicApiPerMinute", 600);
        services.Configure<RateLimiterOptions>(o =>
        {
            o.AddPolicy(Submission, http => PerClient(http, Submission, submissions));
            o.AddPolicy(PublicApi, http => PerClient(http, PublicApi, reads));
        });
        return services;
    }

    private static RateLimitPartition<string> PerClient(HttpContext http, string policy, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(
            policy + ":" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
