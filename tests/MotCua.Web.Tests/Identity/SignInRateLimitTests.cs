using System.Net;
using Microsoft.AspNetCore.Hosting;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Identity;

/// <summary>Few attempts allowed, so that a test reaches the limits quickly.</summary>
public sealed class TightSignInLimitsFactory : MotCuaFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("MotCua:RateLimits:StaffSignInPerAddressPerMinute", "5");
        builder.UseSetting("MotCua:RateLimits:StaffSignInPerAccountPerMinute", "3");
    }
}

public sealed class SignInRateLimitTests(TightSignInLimitsFactory factory) : IClassFixture<TightSignInLimitsFactory>
{
    private static Dictionary<string, string> Password(string email, string password = "Wrong-pass-2026!") =>
        new() { ["Email"] = email, ["Password"] = password };

    private static void AssertRefused(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task Sign_in_and_code_steps_are_limited_per_account_and_per_address_with_retry_after()
    {
        const string email = "limited@motcua.test";
        await TestStaff.EnsureAsync(factory, email, StaffRole.Specialist, UnitCodes.Commune2025(1), "Người Bị Giới Hạn");
        using var client = StaffClient.Anonymous(factory);

        // The code step: three tries per account a minute (its own count, apart from the password's).
        Assert.Equal("/account/two-factor", await client.PasswordStepAsync(email));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostFormAsync("/account/two-factor", new() { ["Code"] = "000000" })).StatusCode);
        }
        AssertRefused(await client.PostFormAsync("/account/two-factor", new() { ["Code"] = "000000" }));

        // The password step: three per account name, however it is written...
        using var other = StaffClient.Anonymous(factory);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await other.PostFormAsync("/account/sign-in", Password(i == 1 ? "ADMIN@motcua.demo" : "admin@motcua.demo"))).StatusCode);
        }
        AssertRefused(await other.PostFormAsync("/account/sign-in", Password(" admin@motcua.demo")));
        // ...and five per address, whatever the names.
        AssertRefused(await other.PostFormAsync("/account/sign-in", Password("giamsat@motcua.demo")));
    }
}
