namespace MotCua.Domain.Delivery;

/// <summary>What a shipment carries: the application file from the citizen to the unit, or the result to the citizen.</summary>
public enum ShipmentPurpose { Pickup, Result }

/// <summary>
/// A shipment's state. <see cref="Created"/>: written by the product, not yet accepted by the post (the order is sent
/// from the outbox). The post then reports accepted → in transit → delivered, or failed (with a reason) and returned.
/// </summary>
public enum ShipmentState { Created, Accepted, InTransit, Failed, Delivered, Returned, Cancelled }

/// <summary>
/// The shipment state machine. Updates arrive from callbacks and polling, possibly twice and out of order, so a
/// move is taken only when it goes forward: a late "in transit" after "delivered" changes nothing.
/// </summary>
public static class ShipmentStates
{
    /// <summary>How far along a state is; a move must go to a higher rank.</summary>
    private static int Rank(ShipmentState state) => state switch
    {
        ShipmentState.Created => 0,
        ShipmentState.Accepted => 1,
        ShipmentState.InTransit => 2,
        ShipmentState.Failed => 3,
        ShipmentState.Delivered => 4,
        ShipmentState.Returned => 4,
        ShipmentState.Cancelled => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static bool IsFinal(ShipmentState state) => state is ShipmentState.Delivered or ShipmentState.Returned or ShipmentState.Cancelled;

    /// <summary>Whether a shipment in <paramref name="from"/> may move to <paramref name="to"/>.</summary>
    public static bool CanMove(ShipmentState from, ShipmentState to)
    {
        if (IsFinal(from) || from == to) return false;
        // A failed delivery ends with the item returned to the sender (it is not delivered after all).
        if (from == ShipmentState.Failed) return to is ShipmentState.Returned;
        // Cancelling is the product's own request, possible only before the post has the item.
        if (to == ShipmentState.Cancelled) return from is ShipmentState.Created or ShipmentState.Accepted;
        return Rank(to) > Rank(from);
    }
}
