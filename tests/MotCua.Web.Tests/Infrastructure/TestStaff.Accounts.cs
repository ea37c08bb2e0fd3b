using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Organization.Data;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Tests.Infrastructure;

/// <summary>Staff accounts on any host (the web tests' factories, the browser tests' server), and their codes.</summary>
public static partial class TestStaff
{
    /// <summary>The authenticator key of every account made here (test-only, like the demo keys).</summary>
    public const string Secret = "TESTSTAFFMOTCUAKEYFORTESTSONLYAA";

    /// <summary>
    /// Creates the account once per database on any host; <paramref name="key"/> null leaves the account without an authenticator, to be
    /// enrolled at its first sign-in, as an account an administrator has just created.
    /// </summary>
    public static async Task<Guid> EnsureAsync(IServiceProvider services, string email, StaffRole role, string unitCode, string fullName,
        string? key, bool mustChangePassword = false)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var users = sp.GetRequiredService<UserManager<StaffUser>>();
        if (await users.FindByEmailAsync(email) is { } existing) return existing.Id;
        var directory = sp.GetRequiredService<UnitDirectory>();
        var unit = (await directory.TodayAsync()).FindByCode(unitCode) ?? throw new InvalidOperationException($"No unit {unitCode}.");
        var user = new StaffUser { Id = Guid.NewGuid(), UserName = email, Email = email, FullName = fullName, MustChangePassword = mustChangePassword };
        var created = await users.CreateAsync(user, DemoStaffSeeder.Password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        if (key is not null) await SecondFactor.SetEnrolledKeyAsync(users, user, key);
        var db = sp.GetRequiredService<MotCuaDbContext>();
        db.RoleAssignments.Add(new RoleAssignment { Id = Guid.NewGuid(), StaffId = user.Id, UnitId = unit.Id, Role = role, ValidFrom = directory.Today.AddDays(-1) });
        await db.SaveChangesAsync();
        return user.Id;
    }

    /// <summary>The account's authenticator key as stored (seeded, set above, or enrolled), or null.</summary>
    public static async Task<string?> SecretOfAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        return await users.FindByEmailAsync(email) is { } user ? await users.GetAuthenticatorKeyAsync(user) : null;
    }

    /// <summary>
    /// Forgets the last code the account used. Tests sign one account in many times within one 30-second step,
    /// which a person cannot, and the product refuses a code's step twice; the replay test checks that refusal.
    /// </summary>
    public static async Task ForgetLastCodeAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (await users.FindByEmailAsync(email) is { } user)
            await users.RemoveAuthenticationTokenAsync(user, SecondFactor.Store, SecondFactor.LastStepToken);
    }
}
