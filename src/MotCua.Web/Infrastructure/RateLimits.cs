using System.Globalization;
using System.Threading.RateLimiting;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Infrastructure;

/// <summary>
/// Limits on endpoints that could be used to guess, with Retry-After on refusal: the public dossier lookup per
/// client address; the staff sign-in's password step and its code steps (authenticator or recovery code) per
/// client address (the middleware policies below) and per account (<see cref="StaffAttemptLimiter"/>, checked by
/// the pages, which know the account). Only posts count: opening the form guesses nothing.
/// Counters live in each instance; several instances multiply the allowance, which the operations guide notes.
/// Lockout after 5 failures stays the account's last line; these limits keep a guesser from reaching it on
/// many accounts at once, and a single account's name from being used to lock it out in a tight loop.
/// </summary>
public static class RateLimits
{
    public const string StaffSignInPolicy = "staff-sign-in";
    public const string StaffCodePolicy = "staff-code";

    public static IServiceCollection AddMotCuaRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("MotCua:RateLimits:PublicLookupPerMinute", 30);
        var staffPerAddress = configuration.GetValue("MotCua:RateLimits:StaffSignInPerAddressPerMinute", 30);
        services.AddSingleton(new StaffAttemptLimiter(configuration.GetValue("MotCua:RateLimits:StaffSignInPerAccountPerMinute", 10)));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                SetRetryAfter(context.HttpContext.Response, context.Lease);
                return ValueTask.CompletedTask;
            };
            o.AddPolicy(DossierApi.LookupPolicy, http => PerMinute(AddressOf(http), perMinute));
            // The same allowance per address for each step, counted apart: a code typed wrong is not a password tried.
            o.AddPolicy(StaffSignInPolicy, http => PostsOnly(http, staffPerAddress));
            o.AddPolicy(StaffCodePolicy, http => PostsOnly(http, staffPerAddress));
        });
        return services;
    }

    /// <summary>Retry-After in whole seconds from a refused lease, when the limiter says when.</summary>
    public static void SetRetryAfter(HttpResponse response, RateLimitLease lease)
    {
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
            response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }

    private static string AddressOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitPartition<string> PostsOnly(HttpContext http, int limit) =>
        HttpMethods.IsPost(http.Request.Method) ? PerMinute(AddressOf(http), limit) : RateLimitPartition.GetNoLimiter("read");

    private static RateLimitPartition<string> PerMinute(string key, int limit) => RateLimitPartition.GetFixedWindowLimiter(
        key, _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}

/// <summary>
/// Sign-in attempts per account name and step (password, or a code), a minute at a time. The pages ask it once
/// they know whose sign-in it is, which the rate-limiting middleware cannot (the name is in the form).
/// </summary>
public sealed class StaffAttemptLimiter(int perMinute) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        }));

    /// <summary>Null when the attempt may go ahead; otherwise the refused lease, for its Retry-After.</summary>
    public RateLimitLease? Refusal(string step, string account)
    {
        var lease = _limiter.AttemptAcquire(step + ":" + account.Trim().ToUpperInvariant());
        if (lease.IsAcquired)
        {
            lease.Dispose();
            return null;
        }
        return lease;
    }

    public void Dispose() => _limiter.Dispose();
}
