using System.Security.Cryptography;
using System.Text;

namespace MotCua.Simulators.Postal;

/// <summary>
/// The VNPost-like order protocol the product and the simulator share (JSON, PascalCase as the public
/// integrations write it). Orders are keyed by the customer's own <c>OrderNumber</c>: creating the same number
/// again answers the existing order (<c>Duplicate = true</c>), never a second shipment.
/// </summary>
public sealed record PostalOrderRequest(
    string? CustomerCode, string? OrderNumber, string? ServiceName, long CodAmount, int WeightGrams, string? PackageContent,
    string? SenderFullname, string? SenderAddress, string? SenderTel, string? SenderCommune, string? SenderProvince,
    string? ReceiverFullname, string? ReceiverAddress, string? ReceiverTel, string? ReceiverCommune, string? ReceiverProvince);

/// <summary>The post's answer to a create or a get: its item code (mã vận đơn) and the current state.</summary>
public sealed record PostalOrderResponse(string OrderNumber, string ItemCode, string Status, DateTimeOffset StatusAt, string? Reason, bool Duplicate = false);

/// <summary>A status callback: <c>EventId</c> is unique per event (a duplicate delivery repeats it).</summary>
public sealed record PostalCallback(string EventId, string OrderNumber, string ItemCode, string Status, DateTimeOffset StatusAt, string? Reason);

/// <summary>The status words of the protocol.</summary>
public static class PostalStatus
{
    public const string Accepted = "accepted";
    public const string InTransit = "in_transit";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
    public const string Returned = "returned";
    public const string Cancelled = "cancelled";
}

/// <summary>Callback signature: <c>X-Postal-Signature: sha256=HEX(HMAC-SHA256(secret, raw body))</c>.</summary>
public static class PostalSignature
{
    public const string Header = "X-Postal-Signature";

    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static bool Verify(string secret, byte[] body, string? given) =>
        !string.IsNullOrEmpty(secret) && given is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(given));
}
