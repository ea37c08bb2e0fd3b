using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Admin;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organization.Admin.Units;
using MotCua.Web.Features.Organization.Data;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Organization.Admin.Staff;

/// <summary>
/// One staff member: their roles now and before, and what an administrator may change. Ended roles stay on
/// record with the reason; an account is deactivated, never deleted, because its name is on past decisions.
/// </summary>
public sealed class StaffDetailModel(MotCuaDbContext db, UserManager<StaffUser> users, ILogger<StaffDetailModel> log) : StaffPageModel
{
    public sealed record AssignmentRow(Guid Id, StaffRole Role, Guid UnitId, string UnitName, string UnitCode, DateOnly From, DateOnly? To, string? EndReason, bool CanManage);

    public StaffUser Person { get; private set; } = null!;
    public IReadOnlyList<AssignmentRow> Current { get; private set; } = [];
    public IReadOnlyList<AssignmentRow> Past { get; private set; } = [];
    public bool CanManageAccount { get; private set; }
    public bool CanAddRoles { get; private set; }
    public bool IsSelf { get; private set; }
    public bool SecondFactorEnrolled { get; private set; }
    protected override IReadOnlyList<string> FieldOrder => [nameof(Unit), nameof(Role), nameof(ValidFrom)];

    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    [BindProperty] public string? Unit { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? ValidFrom { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ValidFrom = AdminText.Iso(Scope.Today);
        return Page();
    }

    public async Task<IActionResult> OnPostAddRoleAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanAddRoles) return Forbidden();
        var (unit, role, from) = await ReadAssignmentAsync(nameof(Unit), Unit, nameof(Role), Role, nameof(ValidFrom), ValidFrom, ct);
        if (unit is not null && Current.Any(a => a.UnitId == unit.Id && a.Role == role && a.To is null))
        {
            AddError(nameof(Role), "admin.staff.error.already");
        }
        if (Errors.Any || unit is null) return Page();
        db.RoleAssignments.Add(new RoleAssignment { Id = Guid.NewGuid(), StaffId = id, UnitId = unit.Id, Role = role, ValidFrom = from });
        RecordChange("staff.role-added", Account, [unit.Id], detail: $"{role} {from:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        log.LogInformation("Role {Role} in unit {UnitId} given to staff {StaffId} by {Actor}", role, unit.Id, id, Actor);
        return Redirect($"/admin/staff/{id}?done=role-added");
    }

    public async Task<IActionResult> OnPostEndRoleAsync(Guid id, Guid assignment, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var row = Current.FirstOrDefault(a => a.Id == assignment);
        if (row is null) return NotFound();
        if (!row.CanManage) return Forbidden();
        var field = "Reason-" + assignment;
        if (string.IsNullOrWhiteSpace(Reason)) AddError(field, "admin.staff.error.reason");
        else if (Reason.Trim().Length > MaxReason) AddError(field, "admin.error.toolong", MaxReason);
        if (Errors.Any) return Page();

        var entity = await db.RoleAssignments.FirstAsync(a => a.Id == assignment && a.StaffId == id, ct);
        // Ends today; one that had not started yet ends before it begins, which leaves it on record as withdrawn.
        entity.ValidTo = entity.ValidFrom > Scope.Today ? entity.ValidFrom : Scope.Today;
        entity.EndReason = Reason!.Trim();
        RecordChange("staff.role-ended", Account, [entity.UnitId], entity.EndReason, $"{entity.Role}");
        await db.SaveChangesAsync(ct);
        log.LogInformation("Role assignment {AssignmentId} of staff {StaffId} ended by {Actor}", assignment, id, Actor);
        return Redirect($"/admin/staff/{id}?done=role-ended");
    }

    public Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken ct) => SetActiveAsync(id, false, ct);

    public Task<IActionResult> OnPostReactivateAsync(Guid id, CancellationToken ct) => SetActiveAsync(id, true, ct);

    /// <summary>
    /// For a lost phone: the same administrators who may switch the account off may reset its second factor
    /// (not their own: they would rather re-enrol signed in). The person enrols again at their next sign-in.
    /// </summary>
    public async Task<IActionResult> OnPostResetSecondFactorAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanManageAccount || IsSelf) return Forbidden();
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null) return NotFound();
        await SecondFactor.ResetAsync(users, user);
        log.LogWarning("Second factor of staff {StaffId} reset by {Actor}", id, Actor);
        return Redirect($"/admin/staff/{id}?done=twofactor-reset");
    }

    private async Task<IActionResult> SetActiveAsync(Guid id, bool active, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!CanManageAccount || IsSelf) return Forbidden();
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null) return NotFound();
        user.IsActive = active;
        RecordChange(active ? "staff.reactivated" : "staff.deactivated", Account, Current.Select(a => a.UnitId));
        // A new security stamp makes the account's existing sign-ins fail their next check; one save with the flag.
        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
        log.LogInformation("Staff {StaffId} {Change} by {Actor}", id, active ? "reactivated" : "deactivated", Actor);
        return Redirect($"/admin/staff/{id}?done={(active ? "reactivated" : "deactivated")}");
    }

    private AuditObject Account => new("staff", Person.Id.ToString(), Person.Email);

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var person = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (person is null) return false;
        var rows = await db.RoleAssignments.AsNoTracking().Where(a => a.StaffId == id).ToListAsync(ct);
        var visible = await Scope.EverVisibleAsync(ct);
        // Someone with no role within reach is not shown at all, not even that the account exists.
        if (!rows.Any(r => visible.Contains(r.UnitId))) return false;

        var today = Scope.Today;
        var managed = await Scope.ManagedTodayAsync(ct);
        var names = await UnitNames.LatestAsync(db, [.. rows.Select(r => r.UnitId).Distinct()], ct);
        var all = rows.OrderBy(r => r.ValidFrom).ThenBy(r => r.Role)
            .Select(r => new AssignmentRow(r.Id, r.Role, r.UnitId, names.GetValueOrDefault(r.UnitId)?.Name ?? "", names.GetValueOrDefault(r.UnitId)?.Code ?? "",
                r.ValidFrom, r.ValidTo, r.EndReason, managed.Contains(r.UnitId)))
            .ToList();
        Person = person;
        Current = [.. all.Where(a => a.To is null || a.To > today).Where(a => a.To is null || a.To > a.From)];
        Past = [.. all.Except(Current).OrderByDescending(a => a.To)];
        // Only an administrator over every unit where the person works now may switch the account off or on.
        CanManageAccount = Current.Count > 0 && Current.All(a => a.CanManage) || Current.Count == 0 && Past.Any(a => a.CanManage);
        CanAddRoles = managed.Count > 0;
        IsSelf = await Scope.StaffIdAsync(ct) == id;
        SecondFactorEnrolled = person.TwoFactorEnabled;
        await SuggestAsync(ct);
        return true;
    }
}
