using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Organization.Data;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Organization;

/// <summary>The real 2025 reforms applied to the 2024 city: open work moves on, history stays as it was.</summary>
public sealed class ReorganizationTests : IClassFixture<Hanoi2024Factory>
{
    private readonly Hanoi2024Factory _factory;

    public ReorganizationTests(Hanoi2024Factory factory) => _factory = factory;

    [Fact]
    public async Task The_2025_reforms_move_open_work_and_keep_history()
    {
        var day2024 = new DateOnly(2024, 6, 1);
        var (hangBac, hangBacName, districtId, staffId) = await _factory.WithScopeAsync(async sp =>
        {
            var directory = sp.GetRequiredService<UnitDirectory>();
            var db = sp.GetRequiredService<Web.Infrastructure.Persistence.MotCuaDbContext>();
            var tree = await directory.OnAsync(day2024);
            var ward = tree.All.Single(u => u.Name == "Phường Hàng Bạc");
            // Work open against the old ward: a counter officer posted there since 2024.
            var staff = new StaffUser { Id = Guid.NewGuid(), UserName = "hangbac@test", Email = "hangbac@test", FullName = "Cán bộ Hàng Bạc" };
            db.Users.Add(staff);
            db.RoleAssignments.Add(new RoleAssignment { Id = Guid.NewGuid(), StaffId = staff.Id, UnitId = ward.Id, Role = StaffRole.CounterOfficer, ValidFrom = day2024 });
            await db.SaveChangesAsync();
            return (ward.Id, ward.Name, ward.ParentId!.Value, staff.Id);
        });

        await _factory.WithScopeAsync(async sp =>
        {
            var reforms = sp.GetRequiredService<HanoiReforms>();
            foreach (var reform in reforms.All) await reforms.ApplyAsync(reform, "test", CancellationToken.None);
            return 0;
        });

        await _factory.WithScopeAsync(async sp =>
        {
            var directory = sp.GetRequiredService<UnitDirectory>();
            var db = sp.GetRequiredService<Web.Infrastructure.Persistence.MotCuaDbContext>();

            // History: on a 2024 date the old ward and its district read as they were.
            var then = await directory.OnAsync(day2024);
            Assert.Equal(hangBacName, then.Find(hangBac)!.Name);
            Assert.Equal(UnitKind.District, then.Find(districtId)!.Kind);

            // Now the ward is closed and Phường Hoàn Kiếm took over.
            var now = await directory.OnAsync(new DateOnly(2025, 7, 1));
            Assert.Null(now.Find(hangBac));
            var hoanKiem = now.All.Single(u => u.Name == "Phường Hoàn Kiếm");
            var closed = await db.Units.SingleAsync(u => u.Id == hangBac);
            Assert.Equal(new DateOnly(2025, 7, 1), closed.ValidTo);
            Assert.Equal(hoanKiem.Id, closed.SuccessorId);
            var july = await db.Reorganizations.SingleAsync(r => r.EffectiveDate == new DateOnly(2025, 7, 1));
            Assert.Equal(july.Id, closed.ClosedByReorganizationId);

            // Open work followed: the old assignment ended with a reason, a new one began in the successor.
            var assignments = await db.RoleAssignments.Where(r => r.StaffId == staffId).OrderBy(r => r.ValidFrom).ToListAsync();
            Assert.Equal(2, assignments.Count);
            Assert.Equal(new DateOnly(2025, 7, 1), assignments[0].ValidTo);
            Assert.Contains("1656", (await db.Reorganizations.SingleAsync(r => r.EffectiveDate == new DateOnly(2025, 7, 1))).LegalBasis, StringComparison.Ordinal);
            Assert.NotNull(assignments[0].EndReason);
            Assert.Equal(hoanKiem.Id, assignments[1].UnitId);
            Assert.Null(assignments[1].ValidTo);

            // A partial split keeps every successor on record.
            var cuaNam = then.All.Single(u => u.Name == "Phường Cửa Nam" && u.Kind == UnitKind.Ward);
            var successors = await db.UnitSuccessions.Where(s => s.PredecessorId == cuaNam.Id).ToListAsync();
            Assert.True(successors.Count >= 2);
            Assert.All(successors, s => Assert.True(s.Partial));
            Assert.Single(successors, s => s.Primary);
            return 0;
        });
    }

    [Fact]
    public async Task A_plan_that_orphans_units_is_refused_and_changes_nothing()
    {
        await _factory.WithScopeAsync(async sp =>
        {
            var directory = sp.GetRequiredService<UnitDirectory>();
            var service = sp.GetRequiredService<ReorganizationService>();
            var db = sp.GetRequiredService<Web.Infrastructure.Persistence.MotCuaDbContext>();
            var day = new DateOnly(2024, 9, 1);
            var tree = await directory.OnAsync(day);
            var district = tree.All.First(u => u.Kind == UnitKind.District);
            var versionsBefore = await db.UnitVersions.CountAsync();

            var outcome = await service.ApplyAsync(new ReorganizationRequest(ReorganizationKind.Retire, day, "Giải thể thử", null,
                [new CloseUnit(district.Id, [])]), "test");

            Assert.False(outcome.Succeeded);
            Assert.Contains(outcome.Errors, e => e.Path == "$.changes[0].unitId");
            Assert.Equal(versionsBefore, await db.UnitVersions.CountAsync());
            Assert.Equal(0, await db.Reorganizations.CountAsync(r => r.Title == "Giải thể thử"));
            return 0;
        });
    }
}
