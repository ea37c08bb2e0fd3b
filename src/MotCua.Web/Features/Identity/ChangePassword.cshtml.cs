using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Organization.Data;

namespace MotCua.Web.Features.Identity;

/// <summary>
/// A staff member changes their password: signed in, when they choose to; or as a step of the sign-in when an
/// administrator set the first one, before anything else the account can reach (the staff cookie is issued only
/// after it). Anonymous for the fallback policy because of that step; it checks who is asking itself.
/// </summary>
[AllowAnonymous]
public sealed class ChangePasswordModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, StaffSignInFlow flow) : PageModel
{
    [BindProperty] public string? Current { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Confirm { get; set; }

    public Dictionary<string, string> Errors { get; } = [];
    public bool Required { get; private set; }
    public bool Done { get; private set; }
    /// <summary>A step of a sign-in under way, not a signed-in member's choice.</summary>
    public bool InSignIn { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var (user, pending, elsewhere) = await WhoAsync();
        if (user is null) return elsewhere!;
        Required = user.MustChangePassword;
        InSignIn = pending is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (user, pending, elsewhere) = await WhoAsync();
        if (user is null) return elsewhere!;
        Required = user.MustChangePassword;
        InSignIn = pending is not null;
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
        if (pending is not null) return LocalRedirect(await flow.ContinueAsync(pending));
        await signIn.RefreshSignInAsync(user);
        Done = true;
        Required = false;
        return Page();
    }

    /// <summary>The signed-in staff member; or the account whose sign-in is at this step; else where to go instead.</summary>
    private async Task<(StaffUser? User, PendingSignIn? Pending, IActionResult? Elsewhere)> WhoAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return await users.GetUserAsync(User) is { IsActive: true } signedIn ? (signedIn, null, null) : (null, null, Challenge());
        }
        if (await flow.PendingAsync() is not { } pending) return (null, null, Challenge());
        if (await flow.NextStepAsync(pending) != StaffSignInFlow.PasswordPath) return (null, null, LocalRedirect(await flow.ContinueAsync(pending)));
        return (pending.User, pending, null);
    }
}
