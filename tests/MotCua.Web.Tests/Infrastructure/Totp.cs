using System.Security.Cryptography;

namespace MotCua.Web.Tests.Infrastructure;

/// <summary>
/// An authenticator app in a few lines (RFC 6238 over RFC 4226: HMAC-SHA1, 30-second steps, 6 digits), written
/// apart from the product's so that the tests check the product against the standard, not against itself.
/// </summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at) => CodeForStep(base32Key, at.ToUnixTimeSeconds() / 30);

    public static string Now(string base32Key) => Code(base32Key, DateTimeOffset.UtcNow);

    public static string CodeForStep(string base32Key, long step)
    {
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var hash = HMACSHA1.HashData(FromBase32(base32Key), counter);
        var offset = hash[19] & 0xf;
        var value = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(text.ToUpperInvariant().Where(c => c is not (' ' or '='))
            .Select(c => Convert.ToString(alphabet.IndexOf(c), 2).PadLeft(5, '0')));
        return [.. Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2))];
    }
}
