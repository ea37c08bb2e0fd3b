using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organization.Data;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Organization.Seeding;

/// <param name="TotpSecret">The authenticator key (base32), fixed so that a person trying the demo can add it to an app.</param>
public sealed record DemoAccount(string Email, string FullName, StaffRole Role, string UnitCode, string Description, string TotpSecret);

/// <summary>
/// One demo account per role, in units of the demo city, so that a first run can be explored. Only with
/// MotCua:Demo on; the password and the authenticator keys are printed at start-up (demo mode only) and must
/// never exist in production: they are public, in this file.
/// </summary>
public sealed class DemoStaffSeeder(MotCuaDbContext db, UserManager<StaffUser> users, UnitDirectory directory)
{
    public const string Password = "MotCua-demo-2026!";

    public static IReadOnlyList<DemoAccount> Accounts { get; } =
    [
        new("admin@motcua.demo", "Nguyễn Văn Quản", StaffRole.Administrator, UnitCodes.CityPeoplesCommittee, "quản trị toàn thành phố", "DEMOADMINMOTCUAQUANTRITHANHPHOAA"),
        new("giamsat@motcua.demo", "Trần Thị Giám", StaffRole.Supervisor, UnitCodes.CityPeoplesCommittee, "giám sát toàn thành phố", "DEMOGIAMSATMOTCUATHANHPHOHANOIAA"),
        new("motcua@motcua.demo", "Lê Thị Tiếp", StaffRole.CounterOfficer, UnitCodes.Commune2025(1), "cán bộ một cửa, Phường Hoàn Kiếm", "DEMOMOTCUATIEPNHANHOANKIEMHANOIA"),
        new("chuyenvien@motcua.demo", "Phạm Văn Xử", StaffRole.Specialist, UnitCodes.Commune2025(1), "chuyên viên, Phường Hoàn Kiếm", "DEMOCHUYENVIENXULYHOANKIEMHANOIA"),
        new("lanhdao@motcua.demo", "Hoàng Văn Duyệt", StaffRole.Leader, UnitCodes.Commune2025(1), "lãnh đạo, Phường Hoàn Kiếm", "DEMOLANHDAODUYETHOANKIEMHANOIAAA"),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        var tree = await directory.TodayAsync(ct);
        foreach (var account in Accounts)
        {
            if (await users.FindByEmailAsync(account.Email) is { } existing)
            {
                // A demo database from before the second factor: its accounts get their printed keys.
                if (!await SecondFactor.IsEnrolledAsync(users, existing)) await SecondFactor.SetEnrolledKeyAsync(users, existing, account.TotpSecret);
                continue;
            }
            // Seeded before the July 2025 reform, the demo commune may not exist; fall back to the city.
            var unit = tree.FindByCode(account.UnitCode) ?? tree.FindByCode(UnitCodes.CityPeoplesCommittee);
            if (unit is null) continue;
            var user = new StaffUser { Id = Guid.NewGuid(), UserName = account.Email, Email = account.Email, EmailConfirmed = true, FullName = account.FullName };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            await SecondFactor.SetEnrolledKeyAsync(users, user, account.TotpSecret);
            db.RoleAssignments.Add(new RoleAssignment { Id = Guid.NewGuid(), StaffId = user.Id, UnitId = unit.Id, Role = account.Role, ValidFrom = directory.Today });
        }
        await db.SaveChangesAsync(ct);
    }
}
