using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using MotCua.Web.Features.Organization.Data;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Identity;

/// <summary>The second step with one of the recovery codes instead of the app's code; each works once.</summary>
[EnableRateLimiting(RateLimits.StaffCodePolicy)]
public sealed class RecoveryModel(StaffSignInFlow flow, UserManager<StaffUser> users, StaffAttemptLimiter limiter, ILogger<RecoveryModel> log)
    : SignInStepModel(flow, users, limiter, log)
{
    protected override string Step => StaffSignInFlow.TwoFactorPath;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await ProveAsync(code => RecoveryCodes.RedeemAsync(Users, Pending.User, code), "recovery.error.missing", "recovery.error.wrong"))
        {
            return Page();
        }
        log.LogWarning("Staff {UserId} signed in with a recovery code; {Left} left", Pending.User.Id, await Users.CountRecoveryCodesAsync(Pending.User));
        return LocalRedirect(await Flow.CodeProvenAsync(Pending));
    }
}
