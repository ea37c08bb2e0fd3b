using Microsoft.Extensions.Options;

namespace MotCua.Web.Infrastructure;

/// <summary>
/// Headers on every response. The policy allows only the product's own scripts, styles and images (no inline
/// script or style), and no framing, so injected markup cannot run and the pages cannot be clickjacked.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetService<IOptions<SecurityHeadersOptions>>()?.Value;
        var policy = WithImages(WithFormActions(options?.FormActionOrigins ?? []), options?.ImageOrigins ?? []);
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self)";
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    /// <summary>The policy with more origins forms may lead to: browsers also check the redirects that follow a form.</summary>
    public static string WithFormActions(IReadOnlyCollection<string> origins) => origins.Count == 0
        ? ContentSecurityPolicy
        : ContentSecurityPolicy.Replace("form-action 'self'", "form-action 'self' " + string.Join(' ', origins.Distinct()), StringComparison.Ordinal);

    /// <summary>The policy with more origins images may come from (the feedback map's configured tile server).</summary>
    public static string WithImages(string policy, IReadOnlyCollection<string> origins) => origins.Count == 0
        ? policy
        : policy.Replace("img-src 'self' data:", "img-src 'self' data: " + string.Join(' ', origins.Distinct()), StringComparison.Ordinal);
}

/// <summary>
/// Origins outside the product that a form's navigation may end at, such as an external identity provider that the
/// sign-out form (or a post that meets an expired sign-in) redirects to.
/// </summary>
public sealed class SecurityHeadersOptions
{
    public List<string> FormActionOrigins { get; } = [];

    /// <summary>Origins images may come from besides the product (a map's tile server).</summary>
    public List<string> ImageOrigins { get; } = [];
}
