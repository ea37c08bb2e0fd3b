using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Tests.Dossiers.Slips;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Citizens;

/// <summary>The citizen cookie on a clock the test moves: 30 minutes without a request and it is gone.</summary>
public sealed class ClockedCitizenFactory : MotCuaFactory
{
    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.PostConfigure<CookieAuthenticationOptions>(CitizenIdentity.Scheme, o => o.TimeProvider = Clock));
    }
}

/// <summary>A VNeID that does not answer (nothing listens on the discard port).</summary>
public sealed class UnreachableVNeIdFactory : MotCuaFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("MotCua:VNeId:Authority", "http://127.0.0.1:9/vneid");
        builder.ConfigureTestServices(s => s.AddOptions<OpenIdConnectOptions>(VNeIdSignIn.Scheme).Configure(o => o.BackchannelHttpHandler = new SocketsHttpHandler()));
    }
}

public sealed class VNeIdSessionTests(ClockedCitizenFactory factory) : IClassFixture<ClockedCitizenFactory>
{
    [Fact]
    public async Task The_session_slides_and_after_30_idle_minutes_the_citizen_goes_back_through_vneid()
    {
        using var browser = StaffClient.Anonymous(factory);
        await VNeIdFlow.SignInAsync(browser.Http, CitizenClient.An);
        factory.Clock.Advance(TimeSpan.FromMinutes(20));
        await browser.GetPageAsync("/my/dossiers");
        factory.Clock.Advance(TimeSpan.FromMinutes(20));
        await browser.GetPageAsync("/my/dossiers");

        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        var expired = await browser.GetAsync("/my/dossiers");
        var (page, trail) = await VNeIdFlow.FollowAsync(browser.Http, expired);
        Assert.Contains("/citizen/sign-in?ReturnUrl=", trail[0], StringComparison.Ordinal);
        Assert.StartsWith(VNeIdFlow.Provider + "/authorize?", trail[1], StringComparison.Ordinal);
        // The provider's own session still stands, so it answers at once and the citizen is back where they were.
        Assert.StartsWith("http://localhost/signin-vneid?code=", trail[2], StringComparison.Ordinal);
        Assert.Equal("/my/dossiers", trail[^1]);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Nguyễn Văn An", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class VNeIdUnreachableTests(UnreachableVNeIdFactory factory) : IClassFixture<UnreachableVNeIdFactory>
{
    [Fact]
    public async Task When_vneid_does_not_answer_sign_in_is_a_clear_page_and_sign_out_still_signs_out_here()
    {
        using var browser = StaffClient.Anonymous(factory);
        var response = await browser.GetAsync("/citizen/sign-in?ReturnUrl=%2Fmy%2Fdossiers");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Hiện không kết nối được với VNeID", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/citizen/sign-in?ReturnUrl=%2Fmy%2Fdossiers\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        // A provider elsewhere may be where a form's redirect ends (sign-out): the policy lets forms lead there.
        Assert.Contains("form-action 'self' http://127.0.0.1:9;", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        using var citizen = CitizenCookie.Client(factory, CitizenClient.An);
        var page = await citizen.GetAsync(new Uri("/citizen/sign-out", UriKind.Relative));
        var token = StaffClient.Token(await page.Content.ReadAsStringAsync())!;
        var signOut = await citizen.PostAsync(new Uri("/citizen/sign-out", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/", signOut.Headers.Location!.OriginalString);
        Assert.Contains(signOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith("motcua.citizen=;", StringComparison.Ordinal));
    }
}
