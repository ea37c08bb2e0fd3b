using MotCua.Domain.Delivery;

namespace MotCua.Web.Features.Delivery.Postal;

/// <summary>An order for the post: the order number is the idempotency key (a retried create makes no second shipment).</summary>
public sealed record ShipmentOrder(
    string OrderNumber, ShipmentPurpose Purpose, long CodAmount,
    string SenderName, string SenderAddress, string SenderPhone, string SenderCommune, string SenderProvince,
    PostalAddress Receiver);

/// <summary>What the post says about an order.</summary>
public sealed record ShipmentTracking(string OrderNumber, string ItemCode, ShipmentState State, DateTimeOffset At, string? Reason);

/// <summary>A refusal retrying cannot fix (bad order data, bad credentials).</summary>
public sealed class PostalRefused(string message) : Exception(message);

/// <summary>The public postal service (VNPost-like): create a shipment, track it, cancel it.</summary>
public interface IPostalService
{
    Task<ShipmentTracking> CreateAsync(ShipmentOrder order, CancellationToken ct);

    /// <summary>Null when the post knows no such order.</summary>
    Task<ShipmentTracking?> TrackAsync(string orderNumber, CancellationToken ct);

    Task<ShipmentTracking> CancelAsync(string orderNumber, CancellationToken ct);
}
