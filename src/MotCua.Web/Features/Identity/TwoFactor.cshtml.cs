using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using MotCua.Web.Features.Organization.Data;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Identity;

/// <summary>The second step of a staff sign-in: the 6-digit code from the person's authenticator app.</summary>
[EnableRateLimiting(RateLimits.StaffCodePolicy)]
public sealed class TwoFactorModel(StaffSignInFlow flow, UserManager<StaffUser> users, StaffAttemptLimiter limiter, ILogger<TwoFactorModel> log)
    : SignInStepModel(flow, users, limiter, log)
{
    protected override string Step => StaffSignInFlow.TwoFactorPath;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await ProveAsync(code => Users.VerifyTwoFactorTokenAsync(Pending.User, TokenOptions.DefaultAuthenticatorProvider, code),
                "twofactor.error.missing", "twofactor.error.wrong"))
        {
            return Page();
        }
        log.LogInformation("Staff {UserId} passed the authenticator code step", Pending.User.Id);
        return LocalRedirect(await Flow.CodeProvenAsync(Pending));
    }
}
