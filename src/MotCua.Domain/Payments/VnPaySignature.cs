using System.Security.Cryptography;
using System.Text;

namespace MotCua.Domain.Payments;

/// <summary>
/// VNPay's checksums (API version 2.1.0). A redirect, its return and the IPN are signed with HMAC-SHA512 over the
/// <c>vnp_*</c> parameters with a value, sorted by name (ordinal) and URL-encoded as <c>key=value</c> joined by
/// <c>&amp;</c> (form encoding: a space is <c>+</c>, hex digits upper case). The merchant API (querydr, refund)
/// signs its fields joined by <c>|</c> in the order the documentation lists. Pure: no secret is kept here.
/// </summary>
public static class VnPaySignature
{
    public const string HashParameter = "vnp_SecureHash";
    public const string HashTypeParameter = "vnp_SecureHashType";

    /// <summary>The string that is signed (and, with the hash appended, the query of the payment URL).</summary>
    public static string Canonical(IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return string.Join('&', parameters
            .Where(p => p.Key.StartsWith("vnp_", StringComparison.Ordinal) && p.Key != HashParameter && p.Key != HashTypeParameter
                && !string.IsNullOrEmpty(p.Value))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Encode(p.Key) + "=" + Encode(p.Value!)));
    }

    /// <summary>
    /// Form encoding as VNPay's reference code does it (PHP urlencode): letters, digits and <c>-_.</c> as they are, a
    /// space as <c>+</c>, every other UTF-8 byte as <c>%XX</c>. (.NET's WebUtility.UrlEncode would leave <c>!*()</c> as
    /// they are and sign a different string.)
    /// </summary>
    public static string Encode(string value)
    {
        var text = new StringBuilder(value.Length * 2);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_' or (byte)'.')
                text.Append((char)b);
            else if (b == (byte)' ') text.Append('+');
            else text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }

    public static string Sign(IEnumerable<KeyValuePair<string, string?>> parameters, string secret) => Hmac(Canonical(parameters), secret);

    /// <summary>The merchant API's checksum over fields joined by '|'.</summary>
    public static string Checksum(IEnumerable<string?> fields, string secret) => Hmac(string.Join('|', fields.Select(f => f ?? "")), secret);

    /// <summary>True when <paramref name="hash"/> is the signature of the parameters (compared in constant time, any case).</summary>
    public static bool Verify(IEnumerable<KeyValuePair<string, string?>> parameters, string? hash, string secret) =>
        Same(Sign(parameters, secret), hash);

    public static bool Same(string expected, string? given)
    {
        if (string.IsNullOrEmpty(given) || given.Length != expected.Length) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given.ToLowerInvariant()));
    }

    public static string Hmac(string data, string secret)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(data)));
    }
}

/// <summary>The IPN answers VNPay documents (<c>{"RspCode": …, "Message": …}</c>).</summary>
public static class VnPayRspCodes
{
    public const string Confirmed = "00";
    public const string OrderNotFound = "01";
    public const string AlreadyConfirmed = "02";
    public const string InvalidAmount = "04";
    public const string InvalidSignature = "97";
    public const string Unknown = "99";

    public static string Message(string code) => code switch
    {
        Confirmed => "Confirm Success",
        OrderNotFound => "Order not found",
        AlreadyConfirmed => "Order already confirmed",
        InvalidAmount => "invalid amount",
        InvalidSignature => "Invalid signature",
        _ => "Unknown error",
    };
}
