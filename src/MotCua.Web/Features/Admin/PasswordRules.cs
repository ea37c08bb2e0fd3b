using System.Security.Cryptography;

namespace MotCua.Web.Features.Admin;

/// <summary>Passwords an administrator hands out: random from the operating system's CSPRNG, and meeting the Identity rules.</summary>
public static class PasswordRules
{
    /// <summary>As configured for Identity in FeatureSetup.</summary>
    public const int MinLength = 12;

    private const int GeneratedLength = 20;
    // Look-alikes (0/O, 1/l/I) are left out: the password is read off a screen and typed by hand once.
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "!#$%&*+-=?@";

    /// <summary>The message for an Identity password error, by its code; one general message for codes not foreseen.</summary>
    public static string ErrorKey(string identityCode) => identityCode switch
    {
        "PasswordTooShort" => "admin.password.error.short",
        "PasswordRequiresDigit" => "admin.password.error.digit",
        "PasswordRequiresLower" => "admin.password.error.lower",
        "PasswordRequiresUpper" => "admin.password.error.upper",
        "PasswordRequiresNonAlphanumeric" => "admin.password.error.symbol",
        _ => "admin.password.error.rule",
    };

    public static string Generate()
    {
        var all = Upper + Lower + Digits + Symbols;
        var chars = new char[GeneratedLength];
        // One of each class guarantees the rules; the rest are uniform over all classes, then shuffled.
        chars[0] = Upper[RandomNumberGenerator.GetInt32(Upper.Length)];
        chars[1] = Lower[RandomNumberGenerator.GetInt32(Lower.Length)];
        chars[2] = Digits[RandomNumberGenerator.GetInt32(Digits.Length)];
        chars[3] = Symbols[RandomNumberGenerator.GetInt32(Symbols.Length)];
        for (var i = 4; i < chars.Length; i++) chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
