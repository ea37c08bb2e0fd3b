using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Simulators.VNeId;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Citizens;

/// <summary>
/// Citizens sign in with VNeID through the product as a relying party, against the bundled stand-in: the whole flow
/// into the citizen cookie, single sign-on, logout at both ends, and every tampered or wrong answer refused with a page.
/// </summary>
public sealed class VNeIdSignInTests(CitizenFactory factory) : IClassFixture<CitizenFactory>
{
    private VNeIdSimulator Provider => factory.Services.GetRequiredService<VNeIdSimulator>();

    [Fact]
    public async Task A_citizen_signs_in_through_the_provider_and_the_product_knows_them_by_their_id_number()
    {
        using var browser = StaffClient.Anonymous(factory);
        var authorize = await VNeIdFlow.StartAsync(browser.Http, "/my/dossiers");
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal("LoA2", query["acr_values"]);
        Assert.Equal("openid profile", query["scope"]);
        Assert.Equal("http://localhost/signin-vneid", query["redirect_uri"]);

        var picker = await browser.GetPageAsync(authorize.PathAndQuery);
        Assert.Contains("Trần Thị Bích", picker, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", picker, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", picker, StringComparison.OrdinalIgnoreCase);

        var callback = await VNeIdFlow.PickAsync(browser.Http, await VNeIdFlow.PickerAsync(browser.Http, authorize), CitizenClient.Bich);
        Assert.StartsWith("http://localhost/signin-vneid?code=", callback.AbsoluteUri, StringComparison.Ordinal);
        var landed = await browser.Http.GetAsync(callback);
        Assert.Equal(HttpStatusCode.Redirect, landed.StatusCode);
        Assert.Equal("/my/dossiers", landed.Headers.Location!.OriginalString);

        var mine = await browser.GetPageAsync("/my/dossiers");
        Assert.Contains("Trần Thị Bích", mine, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/my/dossiers")).StatusCode);

        // Single sign-on: while the provider's session lasts, a new challenge comes straight back with a code.
        var again = await browser.Http.GetAsync(await VNeIdFlow.StartAsync(browser.Http, "/my/dossiers"));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.StartsWith("http://localhost/signin-vneid?code=", again.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_ends_the_product_session_and_the_provider_session()
    {
        using var browser = StaffClient.Anonymous(factory);
        await VNeIdFlow.SignInAsync(browser.Http, CitizenClient.An);
        var sessions = Provider.SessionCount;

        var signOut = await browser.PostFormAsync("/citizen/sign-out", new());
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.StartsWith(VNeIdFlow.Provider + "/end-session?", signOut.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        var (home, trail) = await VNeIdFlow.FollowAsync(browser.Http, signOut);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains(trail, t => t.StartsWith("http://localhost/signout-vneid?state=", StringComparison.Ordinal));
        Assert.Equal("/", trail[^1]);
        Assert.Equal(sessions - 1, Provider.SessionCount);

        var mine = await browser.GetAsync("/my/dossiers");
        Assert.Equal(HttpStatusCode.Redirect, mine.StatusCode);
        Assert.Contains("/citizen/sign-in?ReturnUrl=", mine.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/my/dossiers")).StatusCode);
        // The provider asks again: its session is gone too.
        await VNeIdFlow.PickerAsync(browser.Http, await VNeIdFlow.StartAsync(browser.Http));
    }

    [Fact]
    public async Task A_tampered_state_or_a_replayed_callback_signs_nobody_in()
    {
        using var browser = StaffClient.Anonymous(factory);
        var callback = await VNeIdFlow.CallbackAsync(browser.Http, CitizenClient.An);
        var tampered = new Uri(callback.AbsoluteUri.Replace("state=", "state=x", StringComparison.Ordinal));
        await AssertRefusedAsync(browser, await browser.Http.GetAsync(tampered), "invalid", HttpStatusCode.BadRequest);

        // The genuine callback still works once; played again (its correlation cookie is spent) it is refused.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Http.GetAsync(callback)).StatusCode);
        using var other = StaffClient.Anonymous(factory);
        await AssertRefusedAsync(other, await other.Http.GetAsync(callback), "invalid", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_code_that_is_not_the_one_issued_is_refused_by_the_provider_and_then_by_the_product()
    {
        using var browser = StaffClient.Anonymous(factory);
        var callback = await VNeIdFlow.CallbackAsync(browser.Http, CitizenClient.An);
        var forged = new Uri(callback.AbsoluteUri.Replace("code=", "code=forged", StringComparison.Ordinal));
        await AssertRefusedAsync(browser, await browser.Http.GetAsync(forged), "refused", HttpStatusCode.BadGateway);
    }

    [Theory]
    [InlineData(VNeIdFault.ForeignSignature)]
    [InlineData(VNeIdFault.WrongAudience)]
    public async Task An_id_token_with_a_bad_signature_or_for_another_client_is_refused(VNeIdFault fault)
    {
        using var browser = StaffClient.Anonymous(factory);
        var callback = await VNeIdFlow.CallbackAsync(browser.Http, CitizenClient.An);
        Provider.Fault = fault;
        try
        {
            await AssertRefusedAsync(browser, await browser.Http.GetAsync(callback), "refused", HttpStatusCode.BadGateway);
        }
        finally
        {
            Provider.Fault = VNeIdFault.None;
        }
    }

    [Fact]
    public async Task Cancelling_at_the_provider_says_so_and_signs_nobody_in()
    {
        using var browser = StaffClient.Anonymous(factory);
        var back = await VNeIdFlow.PickAsync(browser.Http, await VNeIdFlow.PickerAsync(browser.Http, await VNeIdFlow.StartAsync(browser.Http)), "", "cancel");
        Assert.Contains("error=access_denied", back.Query, StringComparison.Ordinal);
        await AssertRefusedAsync(browser, await browser.Http.GetAsync(back), "cancelled", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_pick_for_an_unknown_or_spent_request_is_an_error_page_not_a_redirect()
    {
        using var browser = StaffClient.Anonymous(factory);
        var stale = await browser.Http.PostAsync(new Uri(VNeIdFlow.Provider + "/authorize"), new FormUrlEncodedContent(new Dictionary<string, string> { ["request"] = "nope", ["citizen"] = CitizenClient.An }));
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Null(stale.Headers.Location);
        Assert.Contains("Phiên đăng nhập đã hết hạn", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_failure_page_knows_only_its_reasons()
    {
        using var browser = StaffClient.Anonymous(factory);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/citizen/sign-in/failed/whatever")).StatusCode);
    }

    private static async Task AssertRefusedAsync(StaffClient browser, HttpResponseMessage response, string reason, HttpStatusCode status)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var failed = new Uri(new Uri("http://localhost"), response.Headers.Location!);
        Assert.Equal("/citizen/sign-in/failed/" + reason, failed.AbsolutePath);
        var page = await browser.GetAsync(failed.PathAndQuery);
        Assert.Equal(status, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Chưa đăng nhập được", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        var mine = await browser.GetAsync("/my/dossiers");
        Assert.Equal(HttpStatusCode.Redirect, mine.StatusCode);
    }
}
