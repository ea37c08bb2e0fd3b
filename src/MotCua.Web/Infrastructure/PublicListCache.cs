using Microsoft.AspNetCore.OutputCaching;

namespace MotCua.Web.Infrastructure;

/// <summary>
/// A short server-side cache for public, anonymous list answers that many clients ask for at once and that change only
/// when something new arrives: the Open311 list (its default answer is 1,000 requests, ~700 KB, ~10 ms of CPU to
/// build). An identical request (path and query) within <c>MotCua:PublicListCache:Seconds</c> [2] gets the same
/// answer from memory; 0 turns it off. Each instance caches for itself, so the list may lag a new report by those
/// seconds, which is what a public feed promises anyway. Signed-in requests and answers that set cookies are never
/// cached (the output cache's own rules).
/// </summary>
public static class PublicListCache
{
    public const string Policy = "public-list";

    public static IServiceCollection AddPublicListCache(this IServiceCollection services, IConfiguration configuration)
    {
        var seconds = configuration.GetValue("MotCua:PublicListCache:Seconds", 2);
        services.AddOutputCache(o => o.AddPolicy(Policy, b =>
        {
            if (seconds <= 0) b.NoCache();
            else b.Expire(TimeSpan.FromSeconds(seconds)).SetVaryByQuery("*");
        }));
        return services;
    }
}
