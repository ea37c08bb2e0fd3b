using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Organization.Data;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Identity;

/// <summary>
/// A page of the sign-in after the password (code, recovery code, enrolment). Anonymous for the staff cookie,
/// which does not exist yet; it opens only for a sign-in under way whose current step it is, and sends any
/// other to its own step. Posts are limited per account on top of the per-address policy.
/// </summary>
[AllowAnonymous]
public abstract class SignInStepModel(StaffSignInFlow flow, UserManager<StaffUser> users, StaffAttemptLimiter limiter, ILogger log) : PageModel
{
    public const string CodeField = "Code";

    protected StaffSignInFlow Flow => flow;
    protected UserManager<StaffUser> Users => users;
    protected PendingSignIn Pending { get; private set; } = null!;

    /// <summary>The step this page is for.</summary>
    protected abstract string Step { get; }

    [BindProperty] public string? Code { get; set; }

    /// <summary>Field → localisation key of its error.</summary>
    public Dictionary<string, string> Errors { get; } = [];

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (await flow.PendingAsync() is not { } pending)
        {
            context.Result = LocalRedirect("/account/sign-in");
            return;
        }
        Pending = pending;
        if (await flow.NextStepAsync(pending) != Step)
        {
            context.Result = LocalRedirect(await flow.ContinueAsync(pending));
            return;
        }
        if (HttpMethods.IsPost(Request.Method) && Throttle(HttpContext, limiter, "code", pending.User.Id.ToString()) is { } refused)
        {
            context.Result = refused;
            return;
        }
        await next();
    }

    /// <summary>429 with Retry-After when the account has used up its attempts for this minute.</summary>
    public static IActionResult? Throttle(HttpContext http, StaffAttemptLimiter limiter, string step, string account)
    {
        using var lease = limiter.Refusal(step, account);
        if (lease is null) return null;
        RateLimits.SetRetryAfter(http.Response, lease);
        return new StatusCodeResult(StatusCodes.Status429TooManyRequests);
    }

    /// <summary>
    /// Runs a check of what was typed in <see cref="Code"/>. A wrong answer counts towards the account's lockout,
    /// as a wrong password does, and a locked-out account is not checked at all.
    /// </summary>
    protected async Task<bool> ProveAsync(Func<string, Task<bool>> check, string missingKey, string wrongKey)
    {
        var user = Pending.User;
        if (string.IsNullOrWhiteSpace(Code))
        {
            Errors[CodeField] = missingKey;
            return false;
        }
        if (await users.IsLockedOutAsync(user))
        {
            Errors[CodeField] = "signin.error.locked";
            return false;
        }
        if (await check(Code.Trim())) return true;
        await users.AccessFailedAsync(user);
        var locked = await users.IsLockedOutAsync(user);
        if (locked) log.LogWarning("Staff account {UserId} locked out after failed codes", user.Id);
        Errors[CodeField] = locked ? "signin.error.locked" : wrongKey;
        return false;
    }
}
