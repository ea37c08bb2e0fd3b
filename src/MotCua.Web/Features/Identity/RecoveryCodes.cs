using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using MotCua.Web.Features.Organization.Data;

namespace MotCua.Web.Features.Identity;

/// <summary>
/// Recovery codes, kept as SHA-256 hashes in Identity's recovery-code store (which would otherwise keep them
/// readable): a copy of the database does not sign anyone in. Redeeming goes through Identity, which removes
/// the code with the account's concurrency stamp, so a code works once even when posted twice at once.
/// The codes are random (50 bits each), so a plain hash is enough; they are no passwords people choose.
/// </summary>
public static class RecoveryCodes
{
    // No 0/O, 1/I/L: the codes are read off paper.
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>Replaces the account's codes with <see cref="SecondFactor.RecoveryCodeCount"/> new ones and returns them, shown once.</summary>
    public static async Task<IReadOnlyList<string>> ReplaceAsync(UserManager<StaffUser> users, IUserStore<StaffUser> store, StaffUser user)
    {
        var codes = Enumerable.Range(0, SecondFactor.RecoveryCodeCount)
            .Select(_ => RandomNumberGenerator.GetString(Alphabet, 10).Insert(5, "-")).ToList();
        await ((IUserTwoFactorRecoveryCodeStore<StaffUser>)store).ReplaceCodesAsync(user, codes.Select(Hash), CancellationToken.None);
        var saved = await users.UpdateAsync(user);
        if (!saved.Succeeded) throw new InvalidOperationException(string.Join("; ", saved.Errors.Select(e => e.Code)));
        return codes;
    }

    public static async Task<bool> RedeemAsync(UserManager<StaffUser> users, StaffUser user, string typed) =>
        (await users.RedeemTwoFactorRecoveryCodeAsync(user, Hash(typed))).Succeeded;

    /// <summary>Spaces, dashes and case do not matter.</summary>
    private static string Hash(string code)
    {
        var normal = new string([.. code.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant)]);
        return Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(normal)));
    }
}
