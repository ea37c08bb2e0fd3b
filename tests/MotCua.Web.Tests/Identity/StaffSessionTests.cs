using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organization.Data;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Identity;

/// <summary>The staff cookie's session checks on a clock the test moves (authenticator codes keep the real clock).</summary>
public sealed class ClockedStaffFactory : MotCuaFactory
{
    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.PostConfigure<SecurityStampValidatorOptions>(o => o.TimeProvider = Clock));
    }
}

public sealed class StaffSessionTests(ClockedStaffFactory factory) : IClassFixture<ClockedStaffFactory>
{
    [Fact]
    public async Task A_session_survives_the_periodic_recheck_and_keeps_the_proof_of_both_factors()
    {
        using var officer = await StaffClient.SignInAsync(factory, "chuyenvien@motcua.demo");
        Assert.Equal(HttpStatusCode.OK, (await officer.Http.GetAsync("/staff/inbox")).StatusCode);

        // Past the interval the cookie is checked against the account and rebuilt from the database.
        PassTheRecheckInterval();
        var rechecked = await officer.Http.GetAsync("/staff/inbox");
        Assert.Equal(HttpStatusCode.OK, rechecked.StatusCode);
        Assert.Contains(rechecked.Headers.GetValues("Set-Cookie"), c => c.StartsWith("motcua.staff=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await officer.Http.GetAsync("/staff/inbox")).StatusCode);
    }

    [Fact]
    public async Task A_reset_of_the_second_factor_ends_the_persons_open_sessions_within_the_minute()
    {
        const string email = "phien.cu@motcua.test";
        await TestStaff.EnsureAsync(factory, email, StaffRole.Specialist, UnitCodes.Commune2025(3), "Người Có Phiên Cũ");
        using var person = await StaffClient.SignInAsync(factory, email);
        Assert.Equal(HttpStatusCode.OK, (await person.Http.GetAsync("/staff/inbox")).StatusCode);

        await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            await SecondFactor.ResetAsync(users, (await users.FindByEmailAsync(email))!);
            return 0;
        });
        PassTheRecheckInterval();

        var after = await person.Http.GetAsync("/staff/inbox");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/sign-in", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    /// <summary>Just over a minute after now (the cookie's issue time is on the real clock, the check's on the test's).</summary>
    private void PassTheRecheckInterval() =>
        factory.Clock.Advance(DateTimeOffset.UtcNow - factory.Clock.GetUtcNow() + TimeSpan.FromSeconds(61));

    [Theory]
    [InlineData(StaffPolicies.Staff)]
    [InlineData(StaffPolicies.Administrator)]
    [InlineData(CatalogPolicy.Name)]
    public async Task Every_staff_policy_denies_a_principal_without_the_second_factor(string policy)
    {
        var cityAdmin = await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByEmailAsync("admin@motcua.demo"))!;
            return await sp.GetRequiredService<IUserClaimsPrincipalFactory<StaffUser>>().CreateAsync(user);
        });
        Assert.True(cityAdmin.HasRole(StaffRole.Administrator));

        var (withoutSecondFactor, withBoth) = await factory.WithScopeAsync(async sp =>
        {
            var authorization = sp.GetRequiredService<IAuthorizationService>();
            var identity = ((ClaimsIdentity)cityAdmin.Identity!).Clone();
            identity.AddClaim(new Claim(StaffPolicies.MethodClaim, StaffPolicies.TwoFactors));
            var both = new ClaimsPrincipal(identity);
            return ((await authorization.AuthorizeAsync(cityAdmin, null, policy)).Succeeded,
                (await authorization.AuthorizeAsync(both, null, policy)).Succeeded);
        });
        Assert.False(withoutSecondFactor);
        // The catalogue's handler asks the request's unit scope, which a principal outside a request does not have.
        if (policy != CatalogPolicy.Name) Assert.True(withBoth);
    }
}
