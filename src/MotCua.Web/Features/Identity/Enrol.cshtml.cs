using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using MotCua.Web.Features.Documents;
using MotCua.Web.Features.Organization.Data;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Identity;

/// <summary>
/// Enrolment of an authenticator app, the last step of a first sign-in (or of the first after an
/// administrator's reset): the key as a QR code and in groups for typing, confirmed by a first code; then the
/// recovery codes, shown once in the answer to that post and never again.
/// </summary>
[EnableRateLimiting(RateLimits.StaffCodePolicy)]
public sealed class EnrolModel(
    StaffSignInFlow flow, UserManager<StaffUser> users, IUserStore<StaffUser> store, StaffAttemptLimiter limiter, ILogger<EnrolModel> log)
    : SignInStepModel(flow, users, limiter, log)
{
    protected override string Step => StaffSignInFlow.EnrolPath;

    public string GroupedKey { get; private set; } = "";
    public string QrDataUrl { get; private set; } = "";
    public string Account { get; private set; } = "";
    public IReadOnlyList<string>? Codes { get; private set; }
    public string ReturnUrl { get; private set; } = StaffSignInFlow.DefaultReturn;

    public async Task<IActionResult> OnGetAsync()
    {
        await ShowKeyAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = Pending.User;
        if (!await ProveAsync(code => Users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code),
                "twofactor.error.missing", "twofactor.error.wrong"))
        {
            await ShowKeyAsync();
            return Page();
        }
        var enabled = await Users.SetTwoFactorEnabledAsync(user, true);
        if (!enabled.Succeeded) throw new InvalidOperationException(string.Join("; ", enabled.Errors.Select(e => e.Code)));
        Codes = await RecoveryCodes.ReplaceAsync(Users, store, user);
        await Flow.CompleteAsync(user);
        ReturnUrl = Pending.ReturnUrl;
        log.LogInformation("Staff {UserId} enrolled an authenticator", user.Id);
        NoStore();
        return Page();
    }

    private async Task ShowKeyAsync()
    {
        var user = Pending.User;
        var key = await Users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Kept until confirmed, so reopening the page (or a second try at scanning) shows the same key.
            var reset = await Users.ResetAuthenticatorKeyAsync(user);
            if (!reset.Succeeded) throw new InvalidOperationException(string.Join("; ", reset.Errors.Select(e => e.Code)));
            key = (await Users.GetAuthenticatorKeyAsync(user))!;
        }
        Account = user.Email ?? user.UserName ?? "";
        GroupedKey = SecondFactor.Grouped(key);
        QrDataUrl = QrCodes.PngDataUrl(SecondFactor.OtpAuthUri(Account, key));
        NoStore();
    }

    /// <summary>A key or recovery codes stay out of caches and the back button's history.</summary>
    private void NoStore() => Response.Headers.CacheControl = "no-store";
}
