using Microsoft.AspNetCore.Identity;
using MotCua.Web.Features.Organization.Data;

namespace MotCua.Web.Features.Identity;

/// <summary>
/// The staff member's second factor as Identity stores it (no table of its own): the authenticator key, the
/// recovery codes and the last accepted time step are rows in AspNetUserTokens, TwoFactorEnabled says enrolment
/// was confirmed with a first code.
/// </summary>
public static class SecondFactor
{
    /// <summary>Identity's UserStore keeps the authenticator key and recovery codes under this login provider.</summary>
    public const string Store = "[AspNetUserStore]";
    public const string KeyToken = "AuthenticatorKey";
    public const string RecoveryCodesToken = "RecoveryCodes";
    public const string LastStepToken = "LastTotpStep";
    public const int RecoveryCodeCount = 10;
    public const string Issuer = "MotCua";

    /// <summary>Enrolled: a key and a first code that proved the person's app holds it.</summary>
    public static async Task<bool> IsEnrolledAsync(UserManager<StaffUser> users, StaffUser user) =>
        user.TwoFactorEnabled && !string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user));

    /// <summary>Gives the account a known key, enrolled: the demo accounts (and the tests) sign in with it.</summary>
    public static async Task SetEnrolledKeyAsync(UserManager<StaffUser> users, StaffUser user, string key)
    {
        Check(await users.SetAuthenticationTokenAsync(user, Store, KeyToken, key));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
    }

    /// <summary>
    /// An administrator's reset for a lost phone: key, recovery codes and replay marker go, and a new security
    /// stamp ends the account's sessions. The next sign-in (password) leads to enrolment.
    /// </summary>
    public static async Task ResetAsync(UserManager<StaffUser> users, StaffUser user)
    {
        foreach (var token in new[] { KeyToken, RecoveryCodesToken, LastStepToken })
        {
            Check(await users.RemoveAuthenticationTokenAsync(user, Store, token));
        }
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.UpdateSecurityStampAsync(user));
    }

    /// <summary>The key in groups of four, for typing it into an app by hand.</summary>
    public static string Grouped(string key) =>
        string.Join(' ', key.ToUpperInvariant().Chunk(4).Select(c => new string(c)));

    /// <summary>The otpauth:// address authenticator apps read from the QR code (Key URI Format).</summary>
    public static string OtpAuthUri(string account, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(account)}?secret={key.ToUpperInvariant()}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period={StaffAuthenticatorTokenProvider.StepSeconds}";

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
    }
}
