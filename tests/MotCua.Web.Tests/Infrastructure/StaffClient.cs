using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using MotCua.Web.Features.Organization.Seeding;

namespace MotCua.Web.Tests.Infrastructure;

/// <summary>
/// A browser stand-in for staff pages: keeps the cookies, does not follow redirects (tests look at them),
/// and posts forms the way a browser would, with the anti-forgery token read from the page first.
/// </summary>
public sealed partial class StaffClient : IDisposable
{
    private StaffClient(HttpClient http) => Http = http;

    public HttpClient Http { get; }

    public static StaffClient Anonymous(WebApplicationFactory<Program> factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public static async Task<StaffClient> SignInAsync(WebApplicationFactory<Program> factory, string email, string password = DemoStaffSeeder.Password)
    {
        var client = Anonymous(factory);
        var response = await client.PostFormAsync("/account/sign-in", new() { ["Email"] = email, ["Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in of {email} failed: {response.StatusCode}");
        return client;
    }

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(new Uri(url, UriKind.Relative));

    /// <summary>The page's HTML; fails the test unless it is a 200.</summary>
    public async Task<string> GetPageAsync(string url)
    {
        var response = await GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
        return html;
    }

    /// <summary>
    /// Opens <paramref name="pageUrl"/> for its anti-forgery token, then posts <paramref name="fields"/> to
    /// <paramref name="action"/> (the page itself when null), as submitting a form on that page would.
    /// </summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pageUrl, Dictionary<string, string> fields, string? action = null)
    {
        var page = await GetAsync(pageUrl);
        var html = await page.Content.ReadAsStringAsync();
        var form = new Dictionary<string, string>(fields);
        if (Token(html) is { } token) form["__RequestVerificationToken"] = token;
        return await Http.PostAsync(new Uri(action ?? pageUrl, UriKind.Relative), new FormUrlEncodedContent(form));
    }

    /// <summary>Posts and expects the form back with errors (200); returns the page.</summary>
    public async Task<string> PostFormExpectingErrorsAsync(string pageUrl, Dictionary<string, string> fields, string? action = null)
    {
        var response = await PostFormAsync(pageUrl, fields, action);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {action ?? pageUrl}: expected the form again, got {(int)response.StatusCode} {response.Headers.Location}");
        Assert.Contains("error-summary", html, StringComparison.Ordinal);
        return html;
    }

    /// <summary>Posts and expects a redirect (the post/redirect/get of a successful form); returns where to.</summary>
    public async Task<string> PostFormExpectingRedirectAsync(string pageUrl, Dictionary<string, string> fields, string? action = null)
    {
        var response = await PostFormAsync(pageUrl, fields, action);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"POST {action ?? pageUrl}: expected a redirect, got {(int)response.StatusCode}: {ErrorSummary(body)}");
        return response.Headers.Location!.OriginalString;
    }

    public static string? Token(string html) => TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    /// <summary>The error summary's text, for failure messages.</summary>
    public static string ErrorSummary(string html) =>
        ErrorSummaryPattern().Match(html) is { Success: true } m ? Regex.Replace(m.Value, "<[^>]+>", " ").Trim() : "(no error summary)";

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<div class=\"error-summary\".*?</div>", RegexOptions.Singleline)]
    private static partial Regex ErrorSummaryPattern();
}
