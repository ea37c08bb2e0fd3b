using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Admin;
using MotCua.Web.Features.Organization.Data;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Organization.Admin.Staff;

/// <summary>
/// A new staff account with its first role, in one transaction: an account with no role would be outside
/// everyone's reach. The initial password is random and shown once; the person must change it.
/// </summary>
public sealed class NewModel(MotCuaDbContext db, UserManager<StaffUser> users, ILogger<NewModel> log) : StaffPageModel
{
    protected override bool RequiresAdministrator => true;

    protected override IReadOnlyList<string> FieldOrder => [nameof(FullName), nameof(Email), nameof(Unit), nameof(Role), nameof(ValidFrom)];

    [BindProperty] public string? FullName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? ValidFrom { get; set; }

    public Guid? CreatedId { get; private set; }
    public string? InitialPassword { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ValidFrom = AdminText.Iso(Scope.Today);
        await SuggestAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await SuggestAsync(ct);
        var name = FullName?.Trim();
        var email = Email?.Trim();
        if (string.IsNullOrEmpty(name)) AddError(nameof(FullName), "admin.staff.error.name");
        else if (name.Length > MaxName) AddError(nameof(FullName), "admin.error.toolong", MaxName);
        if (string.IsNullOrEmpty(email)) AddError(nameof(Email), "admin.staff.error.email.missing");
        else if (!IsEmail(email)) AddError(nameof(Email), "admin.staff.error.email");
        else if (await users.FindByEmailAsync(email) is not null) AddError(nameof(Email), "admin.staff.error.email.taken");
        var (unit, role, from) = await ReadAssignmentAsync(
            nameof(Unit), Unit, nameof(Role), Role, nameof(ValidFrom), ValidFrom, ct);
        if (Errors.Any || unit is null) return Page();

        var password = PasswordRules.Generate();
        var user = new StaffUser { Id = Guid.NewGuid(), UserName = email, Email = email, FullName = name!, MustChangePassword = true };
        IdentityResult? result = null;
        try
        {
            await db.InTransactionAsync(async () =>
            {
                result = await users.CreateAsync(user, password);
                if (!result.Succeeded) return false;
                db.RoleAssignments.Add(new RoleAssignment { Id = Guid.NewGuid(), StaffId = user.Id, UnitId = unit.Id, Role = role, ValidFrom = from });
                RecordChange("staff.created", new("staff", user.Id.ToString(), email), [unit.Id], detail: $"{role} {from:yyyy-MM-dd}");
                await db.SaveChangesAsync(ct);
                return true;
            }, ct);
        }
        catch (DbUpdateException)
        {
            // Two administrators adding the same person at once: the unique user name stops the second.
            AddError(nameof(Email), "admin.staff.error.email.taken");
            return Page();
        }
        if (result is { Succeeded: false })
        {
            foreach (var e in result.Errors) AddError(nameof(Email), e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal)
                ? "admin.staff.error.email.taken" : "admin.staff.error.create");
            return Page();
        }
        log.LogInformation("Staff account {StaffId} created by {Actor} with role {Role} in unit {UnitId}", user.Id, Actor, role, unit.Id);
        CreatedId = user.Id;
        InitialPassword = password;
        // Shown once: no copy in a cache, a history page or a redirect's cookie.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
