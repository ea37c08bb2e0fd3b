using Microsoft.AspNetCore.Identity;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organization.Data;

namespace MotCua.Web.Features.Admin;

/// <summary>The staff member's starting point: who they are here, where they hold roles, and what they may do.</summary>
public sealed class AdminHomeModel(UserManager<StaffUser> users) : AdminPageModel
{
    public sealed record RoleRow(StaffRole Role, Guid UnitId, string UnitName, string UnitCode, DateOnly ValidFrom);

    protected override bool RequiresBackOffice => false;

    public string FullName { get; private set; } = "";
    public string? Email { get; private set; }
    public bool MustChangePassword { get; private set; }
    public IReadOnlyList<RoleRow> Roles { get; private set; } = [];
    public bool BackOffice { get; private set; }
    public bool Administrator { get; private set; }
    public bool CityAdministrator { get; private set; }
    public int VisibleUnits { get; private set; }
    public int ManagedUnits { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        FullName = user?.FullName ?? User.Identity?.Name ?? "";
        Email = user?.Email;
        MustChangePassword = user?.MustChangePassword == true;
        var tree = await Scope.TodayTreeAsync(ct);
        Roles = [.. (await Scope.RolesAsync(ct))
            .Select(r => (Role: r, Unit: tree.Find(r.UnitId)!))
            .OrderBy(r => tree.DepthOf(r.Unit.Id)).ThenBy(r => r.Unit.Name, StringComparer.Ordinal).ThenBy(r => r.Role.Role)
            .Select(r => new RoleRow(r.Role.Role, r.Unit.Id, r.Unit.Name, r.Unit.Code, r.Role.ValidFrom))];
        BackOffice = await Scope.IsBackOfficeAsync(ct);
        Administrator = await Scope.IsAdministratorAsync(ct);
        CityAdministrator = await Scope.IsCityAdministratorAsync(ct);
        VisibleUnits = (await Scope.VisibleTodayAsync(ct)).Count;
        ManagedUnits = (await Scope.ManagedTodayAsync(ct)).Count;
    }
}
