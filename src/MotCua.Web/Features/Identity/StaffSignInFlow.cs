using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using MotCua.Web.Features.Organization.Data;

namespace MotCua.Web.Features.Identity;

/// <summary>A sign-in under way: whose, whether the second factor was proven, and where to go at the end.</summary>
public sealed record PendingSignIn(StaffUser User, bool CodeDone, string ReturnUrl);

/// <summary>
/// The steps of a staff sign-in, in order: proofs first (password, then the authenticator code when the account
/// has one), then obligations (change an initial password, enrol an authenticator). Until the last step, the
/// browser holds only Identity's short-lived two-factor cookie, never the staff cookie: no page or API of the
/// product accepts it, so no step can be skipped by typing another address, and an API answers 401.
/// Each step page asks <see cref="NextStepAsync"/> whether it is the current step; the state is re-read from
/// the account each time, so an administrator's reset or deactivation applies at once.
/// </summary>
public sealed class StaffSignInFlow(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, IHttpContextAccessor http)
{
    public const string TwoFactorPath = "/account/two-factor";
    public const string RecoveryPath = "/account/two-factor/recovery";
    public const string EnrolPath = "/account/two-factor/enrol";
    public const string PasswordPath = "/account/password";
    public const string DefaultReturn = "/admin";

    private const string CodeDoneClaim = "motcua:second-factor";
    private const string ReturnClaim = "motcua:return";

    private HttpContext Http => http.HttpContext ?? throw new InvalidOperationException("No request.");

    /// <summary>The password was right: remember who is signing in, nothing more.</summary>
    public Task StartAsync(StaffUser user, string returnUrl) => IssueAsync(user.Id, codeDone: false, returnUrl);

    /// <summary>The second factor was proven: on to the next step (remembering it), or signed in.</summary>
    public async Task<string> CodeProvenAsync(PendingSignIn pending)
    {
        if (await NextStepAsync(pending with { CodeDone = true }) is not { } next)
        {
            await CompleteAsync(pending.User);
            return pending.ReturnUrl;
        }
        await IssueAsync(pending.User.Id, codeDone: true, pending.ReturnUrl);
        return next;
    }

    /// <summary>The sign-in under way, or null (none, expired, or the account was switched off meanwhile).</summary>
    public async Task<PendingSignIn?> PendingAsync()
    {
        var result = await Http.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        var id = result.Principal?.FindFirstValue(ClaimTypes.Name);
        if (!result.Succeeded || id is null || await users.FindByIdAsync(id) is not { IsActive: true } user) return null;
        return new PendingSignIn(user, result.Principal!.HasClaim(CodeDoneClaim, "true"),
            result.Principal!.FindFirstValue(ReturnClaim) ?? DefaultReturn);
    }

    /// <summary>The page of the step still to do, or null when every step is done and the sign-in can complete.</summary>
    public async Task<string?> NextStepAsync(PendingSignIn pending)
    {
        var enrolled = await SecondFactor.IsEnrolledAsync(users, pending.User);
        if (enrolled && !pending.CodeDone) return TwoFactorPath;
        if (pending.User.MustChangePassword) return PasswordPath;
        if (!enrolled) return EnrolPath;
        return null;
    }

    /// <summary>Where to send the browser after a step: the next step, or — signed in at last — the return address.</summary>
    public async Task<string> ContinueAsync(PendingSignIn pending)
    {
        if (await NextStepAsync(pending) is { } next) return next;
        await CompleteAsync(pending.User);
        return pending.ReturnUrl;
    }

    /// <summary>Issues the staff cookie (marked as a multi-factor sign-in) and forgets the pending one.</summary>
    public async Task CompleteAsync(StaffUser user)
    {
        await Http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        // Failed attempts count across the password and code steps; they are forgiven only here, at the end.
        await users.ResetAccessFailedCountAsync(user);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(StaffPolicies.MethodClaim, StaffPolicies.TwoFactors)]);
    }

    private Task IssueAsync(Guid userId, bool codeDone, string returnUrl)
    {
        // ClaimTypes.Name holds the id, as Identity's own two-factor cookie does.
        var identity = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
        identity.AddClaim(new Claim(ClaimTypes.Name, userId.ToString()));
        identity.AddClaim(new Claim(ReturnClaim, returnUrl));
        if (codeDone) identity.AddClaim(new Claim(CodeDoneClaim, "true"));
        return Http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(identity));
    }
}
