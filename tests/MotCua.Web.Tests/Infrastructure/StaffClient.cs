using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Features.Organization.Seeding;

namespace MotCua.Web.Tests.Infrastructure;

/// <summary>
/// A browser stand-in for staff pages: keeps the cookies, does not follow redirects (tests look at them),
/// and posts forms the way a browser would, with the anti-forgery token read from the page first.
/// </summary>
public sealed partial class StaffClient : IDisposable
{
    private readonly TimeProvider _clock;

    private StaffClient(HttpClient http, TimeProvider clock) => (Http, _clock) = (http, clock);

    public HttpClient Http { get; }

    /// <summary>The code an authenticator app shows now, by the host's clock (some tests move it).</summary>
    public string CodeNow(string key) => Totp.Code(key, _clock.GetUtcNow());

    public static StaffClient Anonymous(WebApplicationFactory<Program> factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }),
            factory.Services.GetRequiredService<TimeProvider>());

    /// <summary>
    /// Signs in all the way, as a person would: the password, then the authenticator code computed from the
    /// account's key (or, for an account without one, enrolment with the key the page shows).
    /// </summary>
    public static async Task<StaffClient> SignInAsync(WebApplicationFactory<Program> factory, string email, string password = DemoStaffSeeder.Password)
    {
        var client = Anonymous(factory);
        var step = await client.PasswordStepAsync(email, password);
        if (step == "/account/two-factor") step = await client.CodeStepAsync(factory, email);
        else if (step == "/account/two-factor/enrol") step = await client.EnrolAsync();
        Assert.False(step.StartsWith("/account/", StringComparison.Ordinal), $"Sign-in of {email} stopped at {step}");
        return client;
    }

    /// <summary>Posts the password; returns where the sign-in goes next (a redirect is required).</summary>
    public async Task<string> PasswordStepAsync(string email, string password = DemoStaffSeeder.Password)
    {
        var response = await PostFormAsync("/account/sign-in", new() { ["Email"] = email, ["Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in of {email} failed: {response.StatusCode}");
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>
    /// Types the current code of the account's key; returns where the sign-in goes next. One at a time, because
    /// each first forgets the account's last code (see <see cref="TestStaff.ForgetLastCodeAsync"/>).
    /// </summary>
    public async Task<string> CodeStepAsync(WebApplicationFactory<Program> factory, string email)
    {
        var secret = await TestStaff.SecretOfAsync(factory.Services, email) ?? throw new InvalidOperationException($"{email} has no authenticator key.");
        await CodeSteps.WaitAsync();
        try
        {
            await TestStaff.ForgetLastCodeAsync(factory.Services, email);
            return await PostFormExpectingRedirectAsync("/account/two-factor", new() { ["Code"] = CodeNow(secret) });
        }
        finally
        {
            CodeSteps.Release();
        }
    }

    /// <summary>Enrols with the key the page shows and returns where the recovery codes page continues to.</summary>
    public async Task<string> EnrolAsync()
    {
        var key = SharedKey(await GetPageAsync("/account/two-factor/enrol"));
        var response = await PostFormAsync("/account/two-factor/enrol", new() { ["Code"] = CodeNow(key) });
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK && html.Contains("id=\"recovery-codes\"", StringComparison.Ordinal),
            $"Enrolment failed: {(int)response.StatusCode} {ErrorSummary(html)}");
        return WebUtility.HtmlDecode(ContinuePattern().Match(html).Groups[1].Value);
    }

    /// <summary>The authenticator key on the enrolment page, without the spaces that group it.</summary>
    public static string SharedKey(string html) =>
        SharedKeyPattern().Match(html) is { Success: true } m ? m.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal)
            : throw new InvalidOperationException("No shared key on the page.");

    /// <summary>The recovery codes shown after enrolment.</summary>
    public static IReadOnlyList<string> RecoveryCodes(string html) =>
        [.. RecoveryCodePattern().Matches(html).Select(m => m.Groups[1].Value)];

    private static readonly SemaphoreSlim CodeSteps = new(1, 1);

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

    [GeneratedRegex("<code id=\"shared-key\"[^>]*>([A-Z2-7 ]+)</code>")]
    private static partial Regex SharedKeyPattern();

    [GeneratedRegex("<li><code>([0-9A-Z]{5}-[0-9A-Z]{5})</code></li>")]
    private static partial Regex RecoveryCodePattern();

    [GeneratedRegex("<a class=\"button\" id=\"continue\" href=\"([^\"]+)\">")]
    private static partial Regex ContinuePattern();
}
