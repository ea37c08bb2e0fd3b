using System.Globalization;
using System.Threading.RateLimiting;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Infrastructure;

/// <summary>
/// Limits on public endpoints that could be used to guess (the dossier lookup), per client address, with
/// Retry-After on refusal. Counters live in each instance; several instances multiply the allowance, which
/// the operations guide notes (a shared store can replace them when the identity issue adds more limits).
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddMotCuaRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("MotCua:RateLimits:PublicLookupPerMinute", 30);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            o.AddPolicy(DossierApi.LookupPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }
}
