using MotCua.Domain.Organization;
using MotCua.Web.Features.Organization.Seeding;

namespace MotCua.Web.Tests.Infrastructure;

/// <summary>Staff beyond the seeded demo accounts: someone with a role in another unit, a second specialist.</summary>
public static partial class TestStaff
{
    /// <summary>
    /// Creates the account once per database (password <see cref="DemoStaffSeeder.Password"/>, authenticator key
    /// <see cref="Secret"/>, enrolled) and returns its id.
    /// </summary>
    public static Task<Guid> EnsureAsync(MotCuaFactory factory, string email, StaffRole role, string unitCode, string fullName) =>
        EnsureAsync(factory.Services, email, role, unitCode, fullName, Secret);
}
