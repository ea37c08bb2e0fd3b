using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organization.Data;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Identity;

/// <summary>An administrator resets the second factor of someone who lost their phone, within the units they manage only.</summary>
public sealed class SecondFactorResetTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    [Fact]
    public async Task Only_an_administrator_over_the_persons_units_resets_it_and_the_person_enrols_again()
    {
        const string email = "lost.phone@motcua.test";
        var id = await TestStaff.EnsureAsync(factory, email, StaffRole.Specialist, UnitCodes.Commune2025(1), "Người Mất Điện Thoại");
        await TestStaff.EnsureAsync(factory, "quantri.khac@motcua.test", StaffRole.Administrator, UnitCodes.Commune2025(2), "Quản trị phường khác");
        var reset = $"/admin/staff/{id}?handler=ResetSecondFactor";

        // An administrator of another ward does not even learn that the account exists.
        using (var other = await StaffClient.SignInAsync(factory, "quantri.khac@motcua.test"))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/admin/staff/{id}")).StatusCode);
            var refused = await other.PostFormAsync("/admin/staff", [], action: reset);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }
        Assert.Equal(TestStaff.Secret, await TestStaff.SecretOfAsync(factory.Services, email));

        // Nor does a colleague without the administrator's role.
        using (var colleague = await StaffClient.SignInAsync(factory, "lanhdao@motcua.demo"))
        {
            var refused = await colleague.PostFormAsync("/admin", [], action: reset);
            Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{(int)refused.StatusCode}");
        }

        using var admin = await StaffClient.SignInAsync(factory, "admin@motcua.demo");
        Assert.Contains("ResetSecondFactor", await admin.GetPageAsync($"/admin/staff/{id}"), StringComparison.Ordinal);
        Assert.Equal($"/admin/staff/{id}?done=twofactor-reset", await admin.PostFormExpectingRedirectAsync($"/admin/staff/{id}", [], action: reset));
        Assert.Null(await TestStaff.SecretOfAsync(factory.Services, email));
        Assert.False(await factory.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).SingleAsync()));

        using var person = StaffClient.Anonymous(factory);
        Assert.Equal("/account/two-factor/enrol", await person.PasswordStepAsync(email));
        Assert.Equal("/admin", await person.EnrolAsync());
    }

    [Fact]
    public async Task A_demo_account_without_its_key_gets_the_printed_one_at_the_next_start()
    {
        // As in a demo database seeded before the second factor existed.
        var supervisor = DemoStaffSeeder.Accounts.Single(a => a.Role == StaffRole.Supervisor);
        await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            await SecondFactor.ResetAsync(users, (await users.FindByEmailAsync(supervisor.Email))!);
            await sp.GetRequiredService<DemoStaffSeeder>().SeedAsync(CancellationToken.None);
            return 0;
        });
        Assert.Equal(supervisor.TotpSecret, await TestStaff.SecretOfAsync(factory.Services, supervisor.Email));
        using var client = await StaffClient.SignInAsync(factory, supervisor.Email);
    }
}
