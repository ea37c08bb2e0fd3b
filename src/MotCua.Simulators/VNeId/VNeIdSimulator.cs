using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MotCua.Simulators.VNeId;

/// <summary>
/// An OpenID Connect provider playing VNeID for the demo and the tests: discovery, JWKS (an RSA key made at start),
/// the authorization-code flow with PKCE (S256 only), RS256 ID tokens carrying the citizen's 12-digit personal ID
/// number, userinfo and RP-initiated logout. One registered client; everything is in memory, so a restart signs
/// everybody out of the provider, as an outage of the real one would.
/// </summary>
public sealed partial class VNeIdSimulator(VNeIdClient client, TimeProvider clock)
{
    /// <summary>A code is for one exchange, within a minute (the RP exchanges it on the callback at once).</summary>
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(10);
    /// <summary>How long the picker page stays usable: the browser may sit on it for a while.</summary>
    public static readonly TimeSpan PendingLifetime = TimeSpan.FromMinutes(10);
    public const string SessionCookie = "vneid.session";

    private readonly RSA _key = RSA.Create(2048);
    private readonly string _keyId = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(9));
    private readonly ConcurrentDictionary<string, PendingAuthorization> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IssuedCode> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Grant> _accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);

    public VNeIdClient Client => client;

    /// <summary>When set, ID tokens come out wrong in this way (tests of the relying party's checks).</summary>
    public VNeIdFault Fault { get; set; }

    /// <summary>Signed-in citizens (provider sessions), for tests of single sign-on and logout.</summary>
    public int SessionCount => _sessions.Count;

    public void Map(IEndpointRouteBuilder routes, string prefix)
    {
        var group = routes.MapGroup(prefix).AllowAnonymous();
        group.MapGet("/.well-known/openid-configuration", (HttpContext c) => Results.Json(Discovery(Issuer(c, prefix))));
        group.MapGet("/jwks", () => Results.Json(Jwks()));
        group.MapGet("/authorize", (HttpContext c) => Authorize(c, prefix));
        // Typed as Delegate, not RequestDelegate, so the returned IResult is written to the response.
        group.MapPost("/authorize", (Func<HttpContext, Task<IResult>>)(c => LoginAsync(c, prefix)));
        group.MapPost("/token", (Func<HttpContext, Task<IResult>>)(c => TokenAsync(c, prefix)));
        group.MapGet("/userinfo", (HttpContext c) => UserInfo(c));
        group.MapPost("/userinfo", (HttpContext c) => UserInfo(c));
        group.MapGet("/end-session", (HttpContext c) => EndSession(c, prefix));
        group.MapGet("/style.css", () => Results.Text(VNeIdPages.Stylesheet, "text/css; charset=utf-8"));
    }

    /// <summary>
    /// The issuer is the address the caller reached the provider at: the stand-in runs inside the product, so its
    /// address is the product's, whichever host name the relying party was configured with.
    /// </summary>
    private static string Issuer(HttpContext c, string prefix) => Origin(c) + c.Request.PathBase + prefix;

    private static string Origin(HttpContext c) => $"{c.Request.Scheme}://{c.Request.Host}";

    private static Dictionary<string, object> Discovery(string issuer) => new()
    {
        ["issuer"] = issuer,
        ["authorization_endpoint"] = issuer + "/authorize",
        ["token_endpoint"] = issuer + "/token",
        ["userinfo_endpoint"] = issuer + "/userinfo",
        ["jwks_uri"] = issuer + "/jwks",
        ["end_session_endpoint"] = issuer + "/end-session",
        ["response_types_supported"] = new[] { "code" },
        ["response_modes_supported"] = new[] { "query" },
        ["grant_types_supported"] = new[] { "authorization_code" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["scopes_supported"] = new[] { "openid", "profile" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_basic", "client_secret_post" },
        ["code_challenge_methods_supported"] = new[] { "S256" },
        ["acr_values_supported"] = new[] { "LoA1", "LoA2" },
        ["claims_supported"] = new[]
        {
            "sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "acr", "name", "birthdate", "phone_number", "email",
            "address", VNeIdClaims.PersonalIdNumber,
        },
    };

    private Dictionary<string, object> Jwks()
    {
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        return new()
        {
            ["keys"] = new[]
            {
                new Dictionary<string, string>
                {
                    ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = _keyId,
                    ["n"] = Base64Url.EncodeToString(parameters.Modulus), ["e"] = Base64Url.EncodeToString(parameters.Exponent),
                },
            },
        };
    }

    private static string RandomToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Drops what has expired, so a long demo does not grow without end.</summary>
    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, value) in _pending) if (value.ExpiresAt <= now) _pending.TryRemove(key, out _);
        foreach (var (key, value) in _codes) if (value.ExpiresAt <= now) _codes.TryRemove(key, out _);
        foreach (var (key, value) in _accessTokens) if (value.ExpiresAt <= now) _accessTokens.TryRemove(key, out _);
    }

    private sealed record PendingAuthorization(string RedirectUri, string? State, string? Nonce, string CodeChallenge, string Scope, string Acr, DateTimeOffset ExpiresAt);

    private sealed record IssuedCode(string RedirectUri, string? Nonce, string CodeChallenge, string Scope, string CitizenId, string Acr, DateTimeOffset AuthTime, DateTimeOffset ExpiresAt);

    private sealed record Grant(string CitizenId, string Scope, DateTimeOffset ExpiresAt);

    private sealed record Session(string CitizenId, DateTimeOffset AuthTime);
}

/// <summary>Claim names the stand-in gives beyond the standard OpenID Connect ones.</summary>
public static class VNeIdClaims
{
    /// <summary>The citizen's 12-digit personal ID number (số định danh cá nhân).</summary>
    public const string PersonalIdNumber = "personal_id_number";
}
