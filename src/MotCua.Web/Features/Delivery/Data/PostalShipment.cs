using MotCua.Domain.Delivery;

namespace MotCua.Web.Features.Delivery.Data;

/// <summary>
/// One order with the post: the application file picked up, or the result delivered. The order number (dossier
/// code or reference + purpose) is unique, so handing the result to the post twice or retrying the create makes
/// one shipment. The state only moves forward (<see cref="ShipmentStates"/>).
/// </summary>
public sealed class PostalShipment
{
    public Guid Id { get; set; }
    public Guid DossierId { get; set; }
    /// <summary>The sending unit (the dossier's receiving unit): who sees a failure in their list.</summary>
    public Guid UnitId { get; set; }
    public ShipmentPurpose Purpose { get; set; }
    public required string OrderNumber { get; set; }
    /// <summary>The post's item code, once it accepted the order.</summary>
    public string? ItemCode { get; set; }
    public ShipmentState State { get; set; }
    /// <summary>When the post says the state was reached.</summary>
    public DateTimeOffset StateAt { get; set; }
    public string? FailureReason { get; set; }
    public required PostalReceiver Receiver { get; set; }
    public long Fee { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The last time the product heard of it (callback or poll): the reconciler asks about quiet ones.</summary>
    public DateTimeOffset CheckedAt { get; set; }
    public int Version { get; set; }

    /// <summary>Takes a state the post reported if it moves the shipment forward; false (nothing changes) otherwise.</summary>
    public bool Move(ShipmentState to, DateTimeOffset at, string? reason)
    {
        if (!ShipmentStates.CanMove(State, to)) return false;
        State = to;
        StateAt = at;
        FailureReason = to == ShipmentState.Failed ? reason ?? "" : FailureReason;
        Version++;
        return true;
    }

    public static string OrderNumberFor(string dossierCode, ShipmentPurpose purpose) =>
        dossierCode + (purpose == ShipmentPurpose.Result ? "-KQ" : "-HS");
}

/// <summary>A callback already taken (its event id), so a duplicate counts once.</summary>
public sealed class PostalCallbackReceipt
{
    public required string EventId { get; set; }
    public Guid ShipmentId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    /// <summary>Whether it moved the shipment (false: stale, out of order).</summary>
    public bool Applied { get; set; }
}
