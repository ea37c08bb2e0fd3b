using System.Security.Cryptography;

namespace MotCua.Web.Features.Admin;

/// <summary>Passwords an administrator hands out: random from the operating system's CSPRNG, and meeting the Identity rules.</summary>
public static class PasswordRules
{

    private const int GeneratedLength = 20;
    // Look-alikes (0/O, 1/l/I) are left out: the password is read off a screen and typed by hand once.
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "!#$%&*+-=?@";

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
