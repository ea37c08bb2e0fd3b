using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MotCua.Web.Features.Organization.Data;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Identity;

/// <summary>
/// The first step of a staff sign-in, the password. Passing it signs nobody in: it starts the steps of
/// <see cref="StaffSignInFlow"/> (code or enrolment, and a forced password change).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.StaffSignInPolicy)]
public sealed class SignInModel(
    SignInManager<StaffUser> signIn, UserManager<StaffUser> users, StaffSignInFlow flow, StaffAttemptLimiter limiter, ILogger<SignInModel> log)
    : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    /// <summary>A sign-in under way goes on where it stopped: a page typed meanwhile lands here, then back at its step.</summary>
    public async Task<IActionResult> OnGetAsync() =>
        await flow.PendingAsync() is { } pending ? LocalRedirect(await flow.ContinueAsync(pending)) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Error = "signin.error.missing";
            return Page();
        }
        if (SignInStepModel.Throttle(HttpContext, limiter, "password", Email) is { } refused) return refused;
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is null || !user.IsActive)
        {
            Error = "signin.error.invalid";
            return Page();
        }
        // Checks the password only (with lockout); for an account with a second factor it forgives no earlier failures.
        var result = await signIn.CheckPasswordSignInAsync(user, Password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            log.LogWarning("Staff account {UserId} locked out after failed sign-ins", user.Id);
            Error = "signin.error.locked";
            return Page();
        }
        if (!result.Succeeded)
        {
            Error = "signin.error.invalid";
            return Page();
        }
        // Whoever was signed in on this browser is not any more: the new sign-in is not finished.
        await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : StaffSignInFlow.DefaultReturn;
        await flow.StartAsync(user, returnUrl);
        log.LogInformation("Staff {UserId} passed the password step", user.Id);
        return LocalRedirect(await flow.ContinueAsync(new PendingSignIn(user, CodeDone: false, returnUrl)));
    }
}
