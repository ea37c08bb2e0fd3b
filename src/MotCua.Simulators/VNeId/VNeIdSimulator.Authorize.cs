using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace MotCua.Simulators.VNeId;

/// <summary>The front channel: the authorization request, the picker page's answer and RP-initiated logout.</summary>
public sealed partial class VNeIdSimulator
{
    private IResult Authorize(HttpContext c, string prefix)
    {
        var q = c.Request.Query;
        // Until client and redirect address are known good, errors are shown here: redirecting them would make the
        // provider an open redirector.
        if (q["client_id"] != client.ClientId)
            return VNeIdPages.Problem(prefix, StatusCodes.Status400BadRequest, "Ứng dụng không được đăng ký với VNeID (client_id không đúng).");
        var redirectUri = q["redirect_uri"].ToString();
        if (redirectUri != Origin(c) + c.Request.PathBase + client.RedirectPath)
            return VNeIdPages.Problem(prefix, StatusCodes.Status400BadRequest, "Địa chỉ quay về (redirect_uri) không khớp với địa chỉ đã đăng ký.");

        var state = NullIfEmpty(q["state"]);
        if (q["response_type"] != "code") return ErrorRedirect(redirectUri, state, "unsupported_response_type", "Only the authorization code flow is supported.");
        var scope = q["scope"].ToString();
        if (!scope.Split(' ').Contains("openid")) return ErrorRedirect(redirectUri, state, "invalid_scope", "The openid scope is required.");
        var challenge = q["code_challenge"].ToString();
        if (q["code_challenge_method"] != "S256" || !Base64UrlSha256().IsMatch(challenge))
            return ErrorRedirect(redirectUri, state, "invalid_request", "PKCE with code_challenge_method=S256 is required.");

        var now = clock.GetUtcNow();
        Sweep(now);
        var pending = new PendingAuthorization(redirectUri, state, NullIfEmpty(q["nonce"]), challenge, scope,
            q["acr_values"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "LoA1", now + PendingLifetime);

        // Single sign-on: a citizen already signed in to the provider is sent straight back, unless the RP asks again.
        var prompt = q["prompt"].ToString().Split(' ');
        if (!prompt.Contains("login") && CurrentSession(c) is { } session && DemoCitizens.Find(session.CitizenId) is { } known)
            return IssueCode(pending, known, session.AuthTime);
        if (prompt.Contains("none")) return ErrorRedirect(redirectUri, state, "login_required", "The citizen is not signed in to VNeID.");

        var requestId = RandomToken();
        _pending[requestId] = pending;
        return VNeIdPages.Picker(prefix, requestId, pending.Acr, missing: false);
    }

    private async Task<IResult> LoginAsync(HttpContext c, string prefix)
    {
        var form = await c.Request.ReadFormAsync(c.RequestAborted);
        var requestId = form["request"].ToString();
        // The request id is unguessable and lives only in the page: it is also what stops a forged post.
        if (!_pending.TryGetValue(requestId, out var pending) || pending.ExpiresAt <= clock.GetUtcNow())
            return VNeIdPages.Problem(prefix, StatusCodes.Status400BadRequest, "Phiên đăng nhập đã hết hạn. Hãy quay lại dịch vụ công và đăng nhập lại.");
        if (form["action"] == "cancel")
        {
            _pending.TryRemove(requestId, out _);
            return ErrorRedirect(pending.RedirectUri, pending.State, "access_denied", "The citizen cancelled the sign-in.");
        }
        if (DemoCitizens.Find(form["citizen"]) is not { } citizen)
            return VNeIdPages.Picker(prefix, requestId, pending.Acr, missing: true);

        _pending.TryRemove(requestId, out _);
        var now = clock.GetUtcNow();
        var sessionId = RandomToken();
        _sessions[sessionId] = new Session(citizen.IdNumber, now);
        c.Response.Cookies.Append(SessionCookie, sessionId, SessionCookieOptions(c, prefix));
        return IssueCode(pending, citizen, now);
    }

    private IResult IssueCode(PendingAuthorization pending, DemoCitizen citizen, DateTimeOffset authTime)
    {
        var code = RandomToken();
        _codes[code] = new IssuedCode(pending.RedirectUri, pending.Nonce, pending.CodeChallenge, pending.Scope, citizen.IdNumber, citizen.Acr,
            authTime, clock.GetUtcNow() + CodeLifetime);
        var query = new Dictionary<string, string?> { ["code"] = code };
        if (pending.State is not null) query["state"] = pending.State;
        return Results.Redirect(QueryHelpers.AddQueryString(pending.RedirectUri, query));
    }

    private IResult EndSession(HttpContext c, string prefix)
    {
        if (c.Request.Cookies[SessionCookie] is { } sessionId) _sessions.TryRemove(sessionId, out _);
        c.Response.Cookies.Delete(SessionCookie, SessionCookieOptions(c, prefix));

        var target = c.Request.Query["post_logout_redirect_uri"].ToString();
        if (target.Length == 0) return VNeIdPages.SignedOut(prefix);
        // A redirect after logout only to the registered address of the client the hint or client_id names.
        var hinted = ReadOwnIdToken(c.Request.Query["id_token_hint"].ToString(), Issuer(c, prefix));
        var clientId = c.Request.Query["client_id"].ToString();
        var knownClient = hinted is not null || clientId == client.ClientId;
        if (!knownClient || target != Origin(c) + c.Request.PathBase + client.PostLogoutRedirectPath)
            return VNeIdPages.Problem(prefix, StatusCodes.Status400BadRequest, "Địa chỉ quay về sau khi đăng xuất (post_logout_redirect_uri) không khớp với địa chỉ đã đăng ký.");
        var state = c.Request.Query["state"].ToString();
        return Results.Redirect(state.Length == 0 ? target : QueryHelpers.AddQueryString(target, "state", state));
    }

    private Session? CurrentSession(HttpContext c) =>
        c.Request.Cookies[SessionCookie] is { } id && _sessions.TryGetValue(id, out var session) ? session : null;

    private static CookieOptions SessionCookieOptions(HttpContext c, string prefix) => new()
    {
        Path = c.Request.PathBase + prefix,
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = c.Request.IsHttps,
        IsEssential = true,
    };

    private static IResult ErrorRedirect(string redirectUri, string? state, string error, string description)
    {
        var query = new Dictionary<string, string?> { ["error"] = error, ["error_description"] = description };
        if (state is not null) query["state"] = state;
        return Results.Redirect(QueryHelpers.AddQueryString(redirectUri, query));
    }

    private static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues value) => value.Count == 0 || value[0] is not { Length: > 0 } s ? null : s;

    /// <summary>A SHA-256 hash in base64url: 43 characters.</summary>
    [GeneratedRegex("^[A-Za-z0-9_-]{43}$")]
    private static partial Regex Base64UrlSha256();
}
