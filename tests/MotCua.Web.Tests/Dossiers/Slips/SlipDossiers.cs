using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Organization.Data;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Infrastructure.Persistence;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers.Slips;

/// <summary>Dossiers at the points where each slip exists, made through the real service and domain.</summary>
internal static class SlipDossiers
{
    public static readonly Actor Officer = Actor.Staff("officer", "Lê Thị Tiếp");

    public static Task<Dossier> AcceptedAsync(MotCuaFactory factory, string key) => factory.WithScopeAsync(async sp =>
    {
        var service = sp.GetRequiredService<DossierService>();
        var filed = await BirthFiling.FileAsync(service, await WardAsync(sp), key);
        return await service.AcceptAsync(filed.Id, filed.Version, Officer, CancellationToken.None);
    });

    public static Task<Dossier> RefusedAsync(MotCuaFactory factory, string key, string reason) => factory.WithScopeAsync(async sp =>
    {
        var service = sp.GetRequiredService<DossierService>();
        var filed = await BirthFiling.FileAsync(service, await WardAsync(sp), key);
        return await service.RefuseAsync(filed.Id, filed.Version, reason, Officer, CancellationToken.None);
    });

    /// <summary>Asked at reception for more papers (form 02).</summary>
    public static Task<Dossier> SupplementRequestedAsync(MotCuaFactory factory, string key, params string[] items) => factory.WithScopeAsync(async sp =>
    {
        var service = sp.GetRequiredService<DossierService>();
        var ward = await WardAsync(sp);
        var filed = await BirthFiling.FileAsync(service, ward, key);
        var dossier = await service.LoadAsync(filed.Id, CancellationToken.None);
        var definition = await service.VersionAsync(dossier.ProcedureVersionId, CancellationToken.None);
        var tree = await sp.GetRequiredService<UnitDirectory>().TodayAsync();
        var context = new ProcessingContext(definition.Workflow!,
            sp.GetRequiredService<WorkflowUnits>().ResolverFor(tree, ward, definition.Field),
            await sp.GetRequiredService<UnitCalendars>().ForUnitAsync(ward));
        dossier.RequestSupplement(context, "Giấy chứng sinh bị mờ", items, Officer, sp.GetRequiredService<TimeProvider>().GetUtcNow());
        await sp.GetRequiredService<MotCuaDbContext>().SaveChangesAsync();
        return dossier;
    });

    /// <summary>Accepted, then an apology with a new appointment a week after the old one (form 04).</summary>
    public static Task<Dossier> ApologizedAsync(MotCuaFactory factory, string key) => factory.WithScopeAsync(async sp =>
    {
        var service = sp.GetRequiredService<DossierService>();
        var filed = await BirthFiling.FileAsync(service, await WardAsync(sp), key);
        await service.AcceptAsync(filed.Id, filed.Version, Officer, CancellationToken.None);
        var dossier = await service.LoadAsync(filed.Id, CancellationToken.None);
        dossier.IssueApology("Chờ xác minh của cơ quan khác", dossier.AppointmentAt!.Value.AddDays(7), Actor.Staff("leader", "Hoàng Văn Duyệt"),
            sp.GetRequiredService<TimeProvider>().GetUtcNow());
        await sp.GetRequiredService<MotCuaDbContext>().SaveChangesAsync();
        return dossier;
    });

    /// <summary>A counter officer of another ward (Commune2025(2)), who must not reach the first ward's dossiers.</summary>
    public static Task<string> OtherWardOfficerAsync(MotCuaFactory factory) => factory.WithScopeAsync(async sp =>
    {
        const string email = "motcua.phuongkhac@test.vn";
        var users = sp.GetRequiredService<UserManager<StaffUser>>();
        if (await users.FindByEmailAsync(email) is null)
        {
            var other = (await sp.GetRequiredService<UnitDirectory>().TodayAsync()).FindByCode(UnitCodes.Commune2025(2))!;
            var user = new StaffUser { Id = Guid.NewGuid(), UserName = email, Email = email, FullName = "Cán bộ phường khác" };
            Assert.True((await users.CreateAsync(user, DemoStaffSeeder.Password)).Succeeded);
            var db = sp.GetRequiredService<MotCuaDbContext>();
            db.RoleAssignments.Add(new RoleAssignment { Id = Guid.NewGuid(), StaffId = user.Id, UnitId = other.Id, Role = StaffRole.CounterOfficer, ValidFrom = new DateOnly(2025, 7, 1) });
            await db.SaveChangesAsync();
        }
        return email;
    });

    private static async Task<Guid> WardAsync(IServiceProvider sp) =>
        (await sp.GetRequiredService<UnitDirectory>().TodayAsync()).FindByCode(UnitCodes.Commune2025(1))!.Id;
}
