using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Organization.Data;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Tests.Infrastructure;

/// <summary>Staff beyond the seeded demo accounts: someone with a role in another unit, a second specialist.</summary>
public static class TestStaff
{
    /// <summary>Creates the account once per database (password <see cref="DemoStaffSeeder.Password"/>) and returns its id.</summary>
    public static Task<Guid> EnsureAsync(MotCuaFactory factory, string email, StaffRole role, string unitCode, string fullName) =>
        factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            if (await users.FindByEmailAsync(email) is { } existing) return existing.Id;
            var directory = sp.GetRequiredService<UnitDirectory>();
            var unit = (await directory.TodayAsync()).FindByCode(unitCode) ?? throw new InvalidOperationException($"No unit {unitCode}.");
            var user = new StaffUser { Id = Guid.NewGuid(), UserName = email, Email = email, FullName = fullName };
            var created = await users.CreateAsync(user, DemoStaffSeeder.Password);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            var db = sp.GetRequiredService<MotCuaDbContext>();
            db.RoleAssignments.Add(new RoleAssignment { Id = Guid.NewGuid(), StaffId = user.Id, UnitId = unit.Id, Role = role, ValidFrom = directory.Today.AddDays(-1) });
            await db.SaveChangesAsync();
            return user.Id;
        });
}
