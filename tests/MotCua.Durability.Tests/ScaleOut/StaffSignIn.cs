using System.Net;
using System.Text.RegularExpressions;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Durability.Tests.ScaleOut;

/// <summary>
/// A staff member signs in through nginx — password, then authenticator code, each page and post landing on whichever
/// instance nginx picks — and the session cookie is then shown to each instance directly. Both must accept it: the
/// data-protection keys that seal cookies and anti-forgery tokens are shared through the database.
/// </summary>
internal static partial class StaffSignIn
{
    // The demo counter officer (DemoStaffSeeder): fixed password and authenticator key, demo mode only.
    private const string Email = "motcua@motcua.demo";
    private const string Password = "MotCua-demo-2026!";
    private const string AuthenticatorKey = "DEMOMOTCUATIEPNHANHOANKIEMHANOIA";

    public static async Task AssertValidOnEveryInstanceAsync(HttpMessageHandler proxyHandler, CookieContainer cookies, Uri proxy, IEnumerable<Uri> instances)
    {
        using var client = new HttpClient(proxyHandler, disposeHandler: false) { BaseAddress = proxy };
        var afterPassword = await PostFormAsync(client, "/account/sign-in", new() { ["Email"] = Email, ["Password"] = Password });
        Assert.Equal("/account/two-factor", afterPassword);
        var afterCode = await PostFormAsync(client, "/account/two-factor", new() { ["Code"] = Totp.Now(AuthenticatorKey) });
        Assert.False(afterCode.StartsWith("/account/", StringComparison.Ordinal), $"the sign-in stopped at {afterCode}");

        var session = cookies.GetCookieHeader(proxy);
        using var direct = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
        foreach (var instance in instances)
        {
            using var signedIn = new HttpRequestMessage(HttpMethod.Get, new Uri(instance, "/staff/inbox"));
            signedIn.Headers.Add("Cookie", session);
            using var answer = await direct.SendAsync(signedIn);
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{instance} did not accept the session: {(int)answer.StatusCode} {answer.Headers.Location}");
            Assert.Contains("action=\"/account/sign-out\"", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal); // a signed-in page
            // And without the cookie the same page is refused: the check above is about the cookie.
            using var anonymous = await direct.GetAsync(new Uri(instance, "/staff/inbox"));
            Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        }
    }

    /// <summary>Opens the form for its anti-forgery token, posts it, and returns where the redirect goes.</summary>
    private static async Task<string> PostFormAsync(HttpClient client, string page, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(page);
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, $"{page} has no anti-forgery token");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        using var response = await client.PostAsync(page, new FormUrlEncodedContent(fields));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"POST {page}: {(int)response.StatusCode}");
        return response.Headers.Location!.OriginalString;
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
