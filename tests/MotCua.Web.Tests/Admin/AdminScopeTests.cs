using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Calendar.Data;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Organization.Data;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Admin;

/// <summary>An administrator of one ward reaches that ward, its history and its staff, and nothing else.</summary>
public sealed class AdminScopeTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    private const string WardAdmin = "quantri.phuong@test.vn";

    private async Task<(Guid Ward, Guid Other, Guid OtherOverride)> ArrangeAsync()
    {
        return await factory.WithScopeAsync(async sp =>
        {
            var tree = await sp.GetRequiredService<UnitDirectory>().TodayAsync();
            var ward = tree.FindByCode(UnitCodes.Commune2025(1))!;
            var other = tree.FindByCode(UnitCodes.Commune2025(2))!;
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            var db = sp.GetRequiredService<Web.Infrastructure.Persistence.MotCuaDbContext>();
            var overrideId = await db.CalendarOverrides.Where(o => o.UnitId == other.Id).Select(o => o.Id).FirstOrDefaultAsync();
            if (await users.FindByEmailAsync(WardAdmin) is null)
            {
                var user = new StaffUser { Id = Guid.NewGuid(), UserName = WardAdmin, Email = WardAdmin, FullName = "Quản trị Phường" };
                Assert.True((await users.CreateAsync(user, DemoStaffSeeder.Password)).Succeeded);
                db.RoleAssignments.Add(new RoleAssignment { Id = Guid.NewGuid(), StaffId = user.Id, UnitId = ward.Id, Role = StaffRole.Administrator, ValidFrom = new DateOnly(2025, 7, 1) });
                overrideId = Guid.NewGuid();
                db.CalendarOverrides.Add(new CalendarOverrideEntry { Id = overrideId, UnitId = other.Id, Date = new DateOnly(2026, 12, 26), IsWorkingDay = true, Name = "Làm bù" });
                await db.SaveChangesAsync();
            }
            return (ward.Id, other.Id, overrideId);
        });
    }

    [Fact]
    public async Task A_ward_administrator_sees_the_ward_and_its_history_only()
    {
        var (ward, other, _) = await ArrangeAsync();
        using var client = await StaffClient.SignInAsync(factory, WardAdmin);

        var units = await client.GetPageAsync("/admin/units");
        Assert.Contains($"/admin/units/{ward}", units, StringComparison.Ordinal);
        Assert.DoesNotContain($"/admin/units/{other}", units, StringComparison.Ordinal);

        // The old wards that became Phường Hoàn Kiếm in July 2025 are part of its history.
        var past = await client.GetPageAsync("/admin/units?date=2025-06-01");
        Assert.Contains("Phường Hàng Bạc", past, StringComparison.Ordinal);
        Assert.DoesNotContain("Phường Bách Khoa", past, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/admin/units/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/admin/reorganizations/rename?unit={other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/admin/calendar?unit={UnitCodes.Commune2025(2)}")).StatusCode);
        await client.GetPageAsync($"/admin/reorganizations/rename?unit={ward}");
    }

    [Fact]
    public async Task A_ward_administrator_cannot_act_on_other_units_by_id_or_code()
    {
        var (ward, other, otherOverride) = await ArrangeAsync();
        using var client = await StaffClient.SignInAsync(factory, WardAdmin);
        var cityAdmin = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "admin@motcua.demo").Select(u => u.Id).SingleAsync());
        var versions = await factory.WithDbAsync(db => db.UnitVersions.CountAsync());

        // Staff whose roles are all elsewhere do not exist for this administrator.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/admin/staff/{cityAdmin}")).StatusCode);
        Assert.DoesNotContain("Nguyễn Văn Quản", await client.GetPageAsync("/admin/staff"), StringComparison.Ordinal);

        // Another unit's calendar entry, by id through this ward's calendar: not found.
        var delete = await client.PostFormAsync($"/admin/calendar?unit={UnitCodes.Commune2025(1)}", [],
            action: $"/admin/calendar?handler=Delete&id={otherOverride}&unit={UnitCodes.Commune2025(1)}");
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.CalendarOverrides.AnyAsync(o => o.Id == otherOverride)));

        // City-wide changes are the city administrator's.
        var cityWide = await client.PostFormAsync("/admin", new() { ["Date"] = "2026-12-27", ["Kind"] = "working", ["Name"] = "Thử" }, action: "/admin/calendar?handler=Add");
        Assert.Equal(HttpStatusCode.Forbidden, cityWide.StatusCode);

        // A rename posted for another unit's id, and a move under a unit out of reach.
        var rename = await client.PostFormAsync($"/admin/reorganizations/rename?unit={ward}",
            new() { ["Unit"] = other.ToString(), ["Name"] = "Phường Đổi", ["NewCode"] = UnitCodes.Commune2025(2), ["Title"] = "Thử", ["EffectiveDate"] = "2026-12-01" });
        Assert.Equal(HttpStatusCode.NotFound, rename.StatusCode);
        var move = await client.PostFormExpectingErrorsAsync($"/admin/reorganizations/move?unit={ward}",
            new() { ["Unit"] = ward.ToString(), ["Parent"] = UnitCodes.Commune2025(2), ["Title"] = "Thử", ["EffectiveDate"] = "2026-12-01" });
        Assert.Contains(UnitCodes.Commune2025(2), StaffClient.ErrorSummary(move), StringComparison.Ordinal);

        // A role in a unit out of reach cannot be given.
        var staff = await client.PostFormExpectingErrorsAsync("/admin/staff/new",
            new() { ["FullName"] = "Người Ngoài", ["Email"] = "ngoai@test.vn", ["Unit"] = UnitCodes.Commune2025(2), ["Role"] = "administrator" });
        Assert.Contains("href=\"#Unit\"", staff, StringComparison.Ordinal);
        Assert.Null(await factory.WithDbAsync(db => db.Users.FirstOrDefaultAsync(u => u.Email == "ngoai@test.vn")));
        Assert.Equal(versions, await factory.WithDbAsync(db => db.UnitVersions.CountAsync()));
    }

    [Fact]
    public async Task A_deactivated_administrator_loses_reach_at_once()
    {
        await ArrangeAsync();
        using var client = await StaffClient.SignInAsync(factory, WardAdmin);
        await client.GetPageAsync("/admin/units");
        await factory.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == WardAdmin);
            user.IsActive = false;
            await db.SaveChangesAsync();
            return 0;
        });
        try
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/units")).StatusCode);
        }
        finally
        {
            await factory.WithDbAsync(async db =>
            {
                (await db.Users.SingleAsync(u => u.Email == WardAdmin)).IsActive = true;
                return await db.SaveChangesAsync();
            });
        }
    }
}
