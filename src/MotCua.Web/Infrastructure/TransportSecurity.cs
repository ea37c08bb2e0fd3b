using System.Net;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;

namespace MotCua.Web.Infrastructure;

/// <summary>
/// What the product trusts about the connection: the reverse proxy in front of it (TLS ends there, docs/security.md)
/// and the flags every cookie carries.
/// </summary>
public static class TransportSecurity
{
    public const string Section = "MotCua:Proxy";

    public static IServiceCollection AddTransportSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        // Behind nginx the connection comes from the proxy: without this every citizen shares the proxy's rate limits and
        // the audit records the proxy's address. Only listed proxies are believed (loopback by default), so a client
        // cannot choose its own address by sending the header.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            foreach (var address in configuration.GetSection(Section + ":KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(IPAddress.Parse(address));
            }
        });

        // Secure on every cookie outside demo mode, whatever the request's scheme says (behind a proxy it may say http).
        // The demo runs on plain HTTP on this machine, where a Secure cookie would never come back from some clients.
        var secureOnly = configuration.GetValue<bool?>("MotCua:Cookies:SecureOnly") ?? !configuration.GetValue("MotCua:Demo", true);
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = secureOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.HttpOnly = HttpOnlyPolicy.Always;
        });
        return services;
    }

    /// <summary>First in the pipeline: everything after it sees the client's address and scheme, and writes safe cookies.</summary>
    public static WebApplication UseTransportSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseCookiePolicy();
        return app;
    }
}
