using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Organization.Data;

namespace MotCua.Web.Features.Identity;

/// <summary>A signed-in staff member changes their password; required after an administrator set the first one.</summary>
public sealed class ChangePasswordModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn) : PageModel
{
    [BindProperty] public string? Current { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Confirm { get; set; }

    public Dictionary<string, string> Errors { get; } = [];
    public bool Required { get; private set; }
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Required = user.MustChangePassword;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Required = user.MustChangePassword;
        if (string.IsNullOrEmpty(Current)) Errors[nameof(Current)] = "password.error.current";
        if (string.IsNullOrEmpty(Password)) Errors[nameof(Password)] = "password.error.new";
        else if (Password != Confirm) Errors[nameof(Confirm)] = "password.error.confirm";
        else if (Password == Current) Errors[nameof(Password)] = "password.error.same";
        if (Errors.Count > 0) return Page();

        var result = await users.ChangePasswordAsync(user, Current!, Password!);
        if (!result.Succeeded)
        {
            var wrongCurrent = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch));
            Errors[wrongCurrent ? nameof(Current) : nameof(Password)] = wrongCurrent ? "password.error.wrong" : "password.error.policy";
            return Page();
        }
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        Done = true;
        Required = false;
        return Page();
    }
}
