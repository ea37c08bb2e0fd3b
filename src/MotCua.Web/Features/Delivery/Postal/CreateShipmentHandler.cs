using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Domain.Delivery;
using MotCua.Web.Features.Delivery.Data;
using MotCua.Web.Features.Organization;
using MotCua.Web.Infrastructure.Outbox;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Delivery.Postal;

/// <summary>
/// Sends a shipment's order to the post from the outbox. The order number is the post's idempotency key: a handler
/// run twice (a crash before the message was marked done, two instances) makes one shipment, and the answer of the
/// repeated create (the same item code) is simply taken again. Failures retry with the outbox's back-off; a refusal
/// (bad data, bad credentials) parks the message for an administrator.
/// </summary>
public sealed class CreateShipmentHandler(IServiceScopeFactory scopes) : IOutboxHandler
{
    public string Type => ShipmentService.CreateMessageType;

    public async Task HandleAsync(OutboxEnvelope message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = message.Read<CreateShipmentMessage>().ShipmentId;
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<MotCuaDbContext>();
        if (await db.Set<PostalShipment>().FirstOrDefaultAsync(s => s.Id == id, ct) is not { } shipment) return;
        if (shipment.ItemCode is not null || shipment.State != ShipmentState.Created) return;
        var tree = await sp.GetRequiredService<UnitDirectory>().TodayAsync(ct);
        var unit = tree.Find(shipment.UnitId)?.Name ?? "Bộ phận Một cửa";
        var options = sp.GetRequiredService<IOptions<DeliveryOptions>>().Value;
        var postal = sp.GetRequiredService<IOptions<PostalOptions>>().Value;
        var citizen = new PostalAddress(shipment.Receiver.Name, shipment.Receiver.Phone, shipment.Receiver.Street, shipment.Receiver.Commune, shipment.Receiver.Province);
        var office = new PostalAddress("Bộ phận Một cửa – " + unit, postal.SenderPhone, "Trụ sở " + unit, unit, options.HomeProvince);
        // A result goes from the unit to the citizen; a file pickup from the citizen's address to the unit.
        var (from, to) = shipment.Purpose == ShipmentPurpose.Result ? (office, citizen) : (citizen, office);
        // The postal fee is collected by the postman (COD) when the result is delivered; a pickup's when the file is taken.
        var order = new ShipmentOrder(shipment.OrderNumber, shipment.Purpose, CodAmount: shipment.Purpose == ShipmentPurpose.Result ? shipment.Fee : 0,
            from.ReceiverName, from.Street, from.Phone, from.Commune, from.Province, to);
        ShipmentTracking tracking;
        try
        {
            tracking = await sp.GetRequiredService<IPostalService>().CreateAsync(order, ct);
        }
        catch (PostalRefused e)
        {
            throw new OutboxPermanentFailure(e.Message);
        }
        await sp.GetRequiredService<ShipmentService>().ApplyAsync(shipment, tracking, ct);
    }
}
