using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Organization.Data;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Organization.Seeding;

public sealed record DemoAccount(string Email, string FullName, StaffRole Role, string UnitCode, string Description);

/// <summary>
/// One demo account per role, in units of the demo city, so that a first run can be explored. Only with
/// MotCua:Demo on; the password is printed at start-up and must never exist in production.
/// </summary>
public sealed class DemoStaffSeeder(MotCuaDbContext db, UserManager<StaffUser> users, UnitDirectory directory)
{
    public const string Password = "MotCua-demo-2026!";

    public static IReadOnlyList<DemoAccount> Accounts { get; } =
    [
        new("admin@motcua.demo", "Nguyễn Văn Quản", StaffRole.Administrator, UnitCodes.CityPeoplesCommittee, "quản trị toàn thành phố"),
        new("giamsat@motcua.demo", "Trần Thị Giám", StaffRole.Supervisor, UnitCodes.CityPeoplesCommittee, "giám sát toàn thành phố"),
        new("motcua@motcua.demo", "Lê Thị Tiếp", StaffRole.CounterOfficer, UnitCodes.Commune2025(1), "cán bộ một cửa, Phường Hoàn Kiếm"),
        new("chuyenvien@motcua.demo", "Phạm Văn Xử", StaffRole.Specialist, UnitCodes.Commune2025(1), "chuyên viên, Phường Hoàn Kiếm"),
        new("lanhdao@motcua.demo", "Hoàng Văn Duyệt", StaffRole.Leader, UnitCodes.Commune2025(1), "lãnh đạo, Phường Hoàn Kiếm"),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        var tree = await directory.TodayAsync(ct);
        foreach (var account in Accounts)
        {
            if (await users.FindByEmailAsync(account.Email) is not null) continue;
            // Seeded before the July 2025 reform, the demo commune may not exist; fall back to the city.
            var unit = tree.FindByCode(account.UnitCode) ?? tree.FindByCode(UnitCodes.CityPeoplesCommittee);
            if (unit is null) continue;
            var user = new StaffUser { Id = Guid.NewGuid(), UserName = account.Email, Email = account.Email, EmailConfirmed = true, FullName = account.FullName };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            db.RoleAssignments.Add(new RoleAssignment { Id = Guid.NewGuid(), StaffId = user.Id, UnitId = unit.Id, Role = account.Role, ValidFrom = directory.Today });
        }
        await db.SaveChangesAsync(ct);
    }
}
