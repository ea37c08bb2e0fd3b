using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using MotCua.Simulators.VNeId;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Citizens;

/// <summary>
/// The product as an OpenID Connect relying party of VNeID: code flow with PKCE, the ID token's claims turned into the
/// citizen cookie (<see cref="VNeIdPrincipal"/>), failures sent to a page that says what happened
/// (<see cref="VNeIdRefusal"/>). In demo mode with no authority set, the provider is the bundled stand-in
/// (<see cref="VNeIdSimulator"/>) at this server's own address. Decision record 0017.
/// </summary>
public static class VNeIdSignIn
{
    public const string Scheme = "VNeId";
    public const string CallbackPath = "/signin-vneid";
    public const string SignedOutCallbackPath = "/signout-vneid";
    public const string SimulatorPrefix = "/simulators/vneid";
    public const string FailedPath = "/citizen/sign-in/failed";

    public static AuthenticationBuilder AddVNeId(this AuthenticationBuilder builder, IConfiguration configuration)
    {
        var services = builder.Services;
        var section = configuration.GetSection(VNeIdOptions.Section);
        services.Configure<VNeIdOptions>(section);
        var settings = section.Get<VNeIdOptions>() ?? new VNeIdOptions();
        var demo = configuration.GetValue(MotCuaOptions.Section + ":" + nameof(MotCuaOptions.Demo), true);
        var bundled = demo && string.IsNullOrWhiteSpace(settings.Authority);

        // The stand-in knows the product as its one client, with the product's own settings (mapped in demo mode only).
        services.AddSingleton(sp => new VNeIdSimulator(
            new VNeIdClient(settings.ClientId, settings.ClientSecret, CallbackPath, SignedOutCallbackPath), sp.GetRequiredService<TimeProvider>()));
        // Not configured outside demo mode: no scheme, and the sign-in page says citizen sign-in is unavailable.
        if (!demo && string.IsNullOrWhiteSpace(settings.Authority)) return builder;
        // A real provider with the secret every copy of the repository knows would let anyone redeem the product's codes.
        if (!demo && settings.ClientSecret is VNeIdOptions.DemoClientSecret or "")
            throw new InvalidOperationException(
                $"{VNeIdOptions.Section}:ClientSecret is empty or the public demo secret; set the secret VNeID issued for this client (docs/identity.md).");

        var acr = settings.AcrValues.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        builder.AddOpenIdConnect(Scheme, o =>
        {
            o.SignInScheme = CitizenIdentity.Scheme;
            o.Authority = bundled ? null : settings.Authority;
            // Only the demo may talk to a provider over plain HTTP (the bundled one, or a test's).
            o.RequireHttpsMetadata = !demo;
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;
            // A query redirect, not form_post: form_post needs the provider's page to submit a form by script.
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            o.CallbackPath = CallbackPath;
            o.SignedOutCallbackPath = SignedOutCallbackPath;
            o.SignedOutRedirectUri = "/";
            o.AccessDeniedPath = FailedPath + "/" + VNeIdRefusal.Cancelled;
            o.MapInboundClaims = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            // The ID token stays in the cookie's properties: it is the hint the provider's logout needs.
            o.SaveTokens = true;
            o.DisableTelemetry = true;
            // Lax, and Secure only over HTTPS: the callback is a top-level GET, and the demo runs on plain HTTP.
            foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
            {
                cookie.SameSite = SameSiteMode.Lax;
                cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            }
            o.Events.OnRedirectToIdentityProvider = c =>
            {
                c.ProtocolMessage.AcrValues = settings.AcrValues;
                if (bundled) c.ProtocolMessage.IssuerAddress = OnRequestOrigin(c.ProtocolMessage.IssuerAddress, c.Request);
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToIdentityProviderForSignOut = c =>
            {
                c.ProtocolMessage.ClientId = settings.ClientId;
                if (bundled) c.ProtocolMessage.IssuerAddress = OnRequestOrigin(c.ProtocolMessage.IssuerAddress, c.Request);
                return Task.CompletedTask;
            };
            o.Events.OnTokenValidated = c =>
            {
                try
                {
                    c.Principal = VNeIdPrincipal.From(c.Principal!, acr);
                }
                catch (VNeIdRefusedException refused)
                {
                    c.Fail(refused);
                }
                return Task.CompletedTask;
            };
            o.Events.OnRemoteFailure = c =>
            {
                var reason = VNeIdRefusal.Classify(c.Failure);
                c.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(VNeIdSignIn))
                    .LogWarning(c.Failure, "VNeID sign-in failed ({Reason})", reason);
                c.HandleResponse();
                c.Response.Redirect(FailedPath + "/" + reason);
                return Task.CompletedTask;
            };
        });
        if (!bundled)
        {
            // The sign-out form redirects to the provider, and so may a post that meets an expired sign-in.
            var origin = new Uri(settings.Authority!).GetLeftPart(UriPartial.Authority);
            services.Configure<SecurityHeadersOptions>(s => s.FormActionOrigins.Add(origin));
        }
        else
        {
            // The server's address is known only once it listens; options are built at the first request, after that.
            services.AddOptions<OpenIdConnectOptions>(Scheme).Configure<IServer>((o, server) => o.Authority = BundledAuthority(server));
        }
        return builder;
    }

    /// <summary>Whether the provider's discovery document can be read now (it is cached once read).</summary>
    public static async Task<bool> ProviderAnswersAsync(OpenIdConnectOptions options, ILogger log, CancellationToken ct)
    {
        try
        {
            await options.ConfigurationManager!.GetConfigurationAsync(ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogWarning(e, "VNeID provider at {Authority} did not answer", options.Authority);
            return false;
        }
    }

    /// <summary>
    /// The bundled stand-in at this server's first HTTP address (<see cref="Infrastructure.SelfAddress"/>); an in-memory
    /// test server has none and is http://localhost.
    /// </summary>
    private static string BundledAuthority(IServer server)
    {
        return Infrastructure.SelfAddress.OrLocalhost(server) + SimulatorPrefix;
    }

    /// <summary>
    /// The bundled stand-in's pages on the origin the browser is using: the server may listen as 127.0.0.1 while the
    /// browser says localhost, and the stand-in's login form may only lead back to the same origin (form-action 'self').
    /// </summary>
    private static string OnRequestOrigin(string address, HttpRequest request)
    {
        var uri = new Uri(address);
        return $"{request.Scheme}://{request.Host}{uri.PathAndQuery}";
    }
}
