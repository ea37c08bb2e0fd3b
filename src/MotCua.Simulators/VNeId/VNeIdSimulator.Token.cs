using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace MotCua.Simulators.VNeId;

/// <summary>The back channel: code for tokens (client secret, PKCE, redirect address), ID tokens and userinfo.</summary>
public sealed partial class VNeIdSimulator
{
    private async Task<IResult> TokenAsync(HttpContext c, string prefix)
    {
        c.Response.Headers.CacheControl = "no-store";
        // The client is authenticated before anything else is looked at: without the secret, nothing but 401.
        var form = c.Request.HasFormContentType ? await c.Request.ReadFormAsync(c.RequestAborted) : FormCollection.Empty;
        if (!ClientAuthenticated(c, form))
        {
            c.Response.Headers.WWWAuthenticate = "Basic realm=\"vneid\"";
            return TokenError("invalid_client", "Client authentication failed.", StatusCodes.Status401Unauthorized);
        }
        if (!c.Request.HasFormContentType) return TokenError("invalid_request", "The body must be application/x-www-form-urlencoded.");
        if (form["grant_type"] != "authorization_code") return TokenError("unsupported_grant_type", "Only authorization_code is supported.");

        // Removed on first use: a replayed code finds nothing, whatever happens next.
        var now = clock.GetUtcNow();
        if (!_codes.TryRemove(form["code"].ToString(), out var code) || code.ExpiresAt <= now)
            return TokenError("invalid_grant", "The code is unknown, used or expired.");
        if (form["redirect_uri"] != code.RedirectUri) return TokenError("invalid_grant", "redirect_uri differs from the authorization request.");
        if (!VerifierMatches(form["code_verifier"].ToString(), code.CodeChallenge)) return TokenError("invalid_grant", "PKCE verification failed.");
        if (DemoCitizens.Find(code.CitizenId) is not { } citizen) return TokenError("invalid_grant", "The citizen is unknown.");

        var accessToken = RandomToken();
        _accessTokens[accessToken] = new Grant(citizen.IdNumber, code.Scope, now + TokenLifetime);
        return Results.Json(new Dictionary<string, object>
        {
            ["access_token"] = accessToken,
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)TokenLifetime.TotalSeconds,
            ["scope"] = code.Scope,
            ["id_token"] = IdToken(Issuer(c, prefix), citizen, code, now),
        });
    }

    private IResult UserInfo(HttpContext c)
    {
        c.Response.Headers.CacheControl = "no-store";
        var header = c.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : "";
        if (!_accessTokens.TryGetValue(token, out var grant) || grant.ExpiresAt <= clock.GetUtcNow() || DemoCitizens.Find(grant.CitizenId) is not { } citizen)
        {
            c.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return Results.Json(new { error = "invalid_token" }, statusCode: StatusCodes.Status401Unauthorized);
        }
        var claims = new Dictionary<string, object> { ["sub"] = Subject(citizen) };
        if (grant.Scope.Split(' ').Contains("profile")) AddProfile(claims, citizen);
        return Results.Json(claims);
    }

    private bool ClientAuthenticated(HttpContext c, IFormCollection form)
    {
        string id, secret;
        var header = c.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            string decoded;
            try { decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..])); }
            catch (FormatException) { return false; }
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0) return false;
            // RFC 6749 2.3.1: both halves are form-url-encoded before they are joined.
            id = Uri.UnescapeDataString(decoded[..colon].Replace('+', ' '));
            secret = Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' '));
        }
        else
        {
            id = form["client_id"].ToString();
            secret = form["client_secret"].ToString();
        }
        return id == client.ClientId &&
            CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(client.ClientSecret));
    }

    private static bool VerifierMatches(string verifier, string challenge)
    {
        // RFC 7636 4.1: 43 to 128 characters; the challenge is BASE64URL(SHA256(ASCII(verifier))).
        if (verifier.Length is < 43 or > 128) return false;
        var computed = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(computed), Encoding.ASCII.GetBytes(challenge));
    }

    private string IdToken(string issuer, DemoCitizen citizen, IssuedCode code, DateTimeOffset now)
    {
        var claims = new Dictionary<string, object>
        {
            ["iss"] = issuer,
            ["aud"] = Fault == VNeIdFault.WrongAudience ? "another-client" : client.ClientId,
            ["sub"] = Subject(citizen),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + TokenLifetime).ToUnixTimeSeconds(),
            ["auth_time"] = code.AuthTime.ToUnixTimeSeconds(),
            ["acr"] = code.Acr,
        };
        if (code.Nonce is not null) claims["nonce"] = code.Nonce;
        if (code.Scope.Split(' ').Contains("profile")) AddProfile(claims, citizen);
        if (Fault != VNeIdFault.ForeignSignature) return Sign(claims, _key);
        using var foreign = RSA.Create(2048);
        return Sign(claims, foreign);
    }

    private static void AddProfile(Dictionary<string, object> claims, DemoCitizen citizen)
    {
        claims[VNeIdClaims.PersonalIdNumber] = citizen.IdNumber;
        claims["name"] = citizen.FullName;
        claims["birthdate"] = citizen.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        claims["phone_number"] = citizen.Phone;
        claims["email"] = citizen.Email;
        claims["address"] = new Dictionary<string, string> { ["formatted"] = citizen.Address };
    }

    /// <summary>A stable subject that is not the ID number itself, as a provider's pairwise-style identifier would be.</summary>
    private static string Subject(DemoCitizen citizen) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("vneid-demo:" + citizen.IdNumber)))[..32];

    private string Sign(Dictionary<string, object> claims, RSA key)
    {
        var header = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = _keyId }));
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = key.SignData(Encoding.ASCII.GetBytes(header + "." + payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return header + "." + payload + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>An ID token this provider issued to its client (signature, issuer and audience; expiry does not matter for a logout hint).</summary>
    private JsonElement? ReadOwnIdToken(string token, string issuer)
    {
        var parts = token.Split('.');
        if (parts.Length != 3) return null;
        try
        {
            var signature = Base64Url.DecodeFromChars(parts[2]);
            if (!_key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)) return null;
            var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1])).RootElement;
            return payload.TryGetProperty("iss", out var iss) && iss.GetString() == issuer &&
                payload.TryGetProperty("aud", out var aud) && aud.GetString() == client.ClientId ? payload : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    private static IResult TokenError(string error, string description, int status = StatusCodes.Status400BadRequest) =>
        Results.Json(new { error, error_description = description }, statusCode: status);
}
