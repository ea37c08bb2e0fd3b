using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using MotCua.Web.Features.Organization.Data;

namespace MotCua.Web.Features.Admin;

/// <summary>Where a staff member replaces the password an administrator gave them, or any other time.</summary>
public sealed class PasswordModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn) : AdminPageModel
{
    protected override bool RequiresBackOffice => false;

    protected override IReadOnlyList<string> FieldOrder => [nameof(Current), nameof(New), nameof(Confirm)];

    [BindProperty] public string? Current { get; set; }
    [BindProperty] public string? New { get; set; }
    [BindProperty] public string? Confirm { get; set; }
    public bool Changed { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null || !user.IsActive) return Forbidden();
        if (string.IsNullOrEmpty(Current)) AddError(nameof(Current), "admin.password.error.current");
        if (string.IsNullOrEmpty(New)) AddError(nameof(New), "admin.password.error.new");
        else if (New != Confirm) AddError(nameof(Confirm), "admin.password.error.confirm");
        if (Errors.Any) return Page();

        user.MustChangePassword = false;
        var result = await users.ChangePasswordAsync(user, Current!, New!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                if (error.Code == nameof(IdentityErrorDescriber.PasswordMismatch)) AddError(nameof(Current), "admin.password.error.wrong");
                else AddError(nameof(New), PasswordRules.ErrorKey(error.Code), PasswordRules.MinLength);
            }
            return Page();
        }
        // The security stamp changed: sign in again so this browser keeps working while others are signed out.
        await signIn.RefreshSignInAsync(user);
        Changed = true;
        return Page();
    }
}
