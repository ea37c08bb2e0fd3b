using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Catalog;
using MotCua.Domain.Delivery;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Delivery.Data;
using MotCua.Web.Features.Delivery.Postal;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure.Outbox;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Delivery;

/// <summary>The outbox message that sends one shipment's order to the post.</summary>
public sealed record CreateShipmentMessage(Guid ShipmentId);

public enum HandToPostResult { Done, NotFound, Forbidden, NotReady, NotByPost, AlreadySent }

/// <summary>
/// The shipments' life: created by the product (the file pickup at filing, the result when the counter hands it to the
/// post), ordered from the outbox, then moved by the post's news (callbacks, polling). Each move and its effect on the
/// dossier (returned by post, a failure on the history and told to the citizen) commit in one transaction.
/// </summary>
public sealed class ShipmentService(
    MotCuaDbContext db, DossierService dossiers, DossierActions actions, OutboxWriter outbox, IAuditLog audit, TimeProvider clock)
{
    public const string CreateMessageType = "postal.create";

    public Task<List<PostalShipment>> ForDossierAsync(Guid dossierId, CancellationToken ct) =>
        db.Set<PostalShipment>().AsNoTracking().Where(s => s.DossierId == dossierId).OrderBy(s => s.CreatedAt).ToListAsync(ct);

    /// <summary>Adds a shipment and its order message to the caller's unit of work (saved with the caller's change).</summary>
    public PostalShipment Queue(Dossier dossier, ShipmentPurpose purpose, PostalReceiver receiver, long fee)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(receiver);
        var now = clock.GetUtcNow();
        var shipment = new PostalShipment
        {
            Id = Guid.NewGuid(), DossierId = dossier.Id, UnitId = dossier.ReceivingUnitId, Purpose = purpose,
            OrderNumber = PostalShipment.OrderNumberFor(dossier.Code ?? dossier.Reference, purpose),
            State = ShipmentState.Created, StateAt = now, Receiver = receiver.Copy(), Fee = fee, CreatedAt = now, CheckedAt = now,
        };
        db.Set<PostalShipment>().Add(shipment);
        outbox.Add(CreateMessageType, new CreateShipmentMessage(shipment.Id), dedupeKey: "postal:create:" + shipment.OrderNumber);
        return shipment;
    }

    /// <summary>
    /// The counter officer hands the result to the post: a dossier in status 9 whose applicant chose post. The shipment,
    /// its order message, the public history line and the audit entry commit together; a second click changes nothing.
    /// </summary>
    public async Task<HandToPostResult> HandToPostAsync(Guid dossierId, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await actions.VisibleAsync(dossierId, ct) is not { } dossier) return HandToPostResult.NotFound;
        // As the dossier actions: whether the dossier is in a state for it first, then whether this person may do it.
        if (await db.Set<PostalShipment>().AnyAsync(s => s.DossierId == dossierId && s.Purpose == ShipmentPurpose.Result, ct)) return HandToPostResult.AlreadySent;
        if (dossier.Status != DossierStatus.Processed) return HandToPostResult.NotReady;
        var choice = await db.Set<DeliveryChoice>().AsNoTracking().FirstOrDefaultAsync(c => c.DossierId == dossierId, ct);
        if (choice is not { Method: Channel.Post, Receiver: { } receiver }) return HandToPostResult.NotByPost;
        if (await actions.RefusalAsync(dossier, DossierDuty.Counter, user, null, ct) is not null) return HandToPostResult.Forbidden;
        var now = clock.GetUtcNow();
        var shipment = Queue(dossier, ShipmentPurpose.Result, receiver, choice.ResultFee);
        dossier.RecordPostalUpdate($"Giao bưu chính: đơn {shipment.OrderNumber}", "Kết quả đã được chuyển cho bưu điện để gửi đến địa chỉ của ông/bà.",
            DossierActions.Officer(user), now);
        audit.Stage(new AuditRecord("delivery.hand-to-post", DossierRecords.Object(dossier), DossierRecords.Units(dossier)) { Detail = shipment.OrderNumber });
        try
        {
            await dossiers.InTransactionAsync(() => dossiers.SaveAsync(dossier, ct), ct);
        }
        catch (DbUpdateException e) when (DossierConflicts.IsConflict(e))
        {
            // Two officers at once: the other one's shipment stands (one order number).
            return HandToPostResult.AlreadySent;
        }
        return HandToPostResult.Done;
    }

    /// <summary>
    /// Takes the post's news of a shipment. A state that does not move it forward (stale, repeated) changes nothing but
    /// the time it was last heard of. Returns whether the shipment moved. The caller's staged rows (a callback receipt)
    /// commit with it.
    /// </summary>
    public async Task<bool> ApplyAsync(PostalShipment shipment, ShipmentTracking news, CancellationToken ct, Action<bool>? beforeSave = null)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        ArgumentNullException.ThrowIfNull(news);
        var now = clock.GetUtcNow();
        shipment.CheckedAt = now;
        shipment.ItemCode ??= news.ItemCode;
        var moved = shipment.Move(news.State, news.At, news.Reason);
        Dossier? dossier = null;
        if (moved && Effect(shipment) is { } effect)
        {
            dossier = await dossiers.LoadAsync(shipment.DossierId, ct);
            effect(dossier, now);
        }
        beforeSave?.Invoke(moved);
        await dossiers.InTransactionAsync(() => dossier is null ? db.SaveChangesAsync(ct) : dossiers.SaveAsync(dossier, ct), ct);
        return moved;
    }

    /// <summary>What a new state does to the dossier (null: nothing).</summary>
    private static Action<Dossier, DateTimeOffset>? Effect(PostalShipment s) => (s.Purpose, s.State) switch
    {
        (ShipmentPurpose.Result, ShipmentState.Delivered) => (d, now) =>
        {
            // Returned at the counter in the meantime: the delivery is only noted.
            if (d.Status == DossierStatus.Processed) d.ReturnResult(Channel.Post, Actor.System, now);
            else d.RecordPostalUpdate($"Bưu điện báo đã giao đơn {s.OrderNumber}", null, Actor.System, now);
        },
        (ShipmentPurpose.Result, ShipmentState.Failed) => (d, now) => d.RecordPostalUpdate(
            $"Giao không thành công đơn {s.OrderNumber}: {s.FailureReason}",
            $"Bưu điện chưa giao được kết quả ({s.FailureReason}). Ông/bà có thể nhận kết quả tại Bộ phận Một cửa.", Actor.System, now),
        (ShipmentPurpose.Result, ShipmentState.Returned) => (d, now) => d.RecordPostalUpdate(
            $"Bưu điện đã hoàn đơn {s.OrderNumber} về cơ quan",
            "Kết quả gửi qua bưu điện đã bị hoàn về. Mời ông/bà nhận kết quả tại Bộ phận Một cửa.", Actor.System, now),
        (ShipmentPurpose.Pickup, ShipmentState.Delivered) => (d, now) => d.RecordPostalUpdate(
            $"Bưu điện đã chuyển hồ sơ giấy (đơn {s.OrderNumber}) đến cơ quan", "Bưu điện đã nhận và chuyển hồ sơ giấy của ông/bà đến cơ quan tiếp nhận.", Actor.System, now),
        (ShipmentPurpose.Pickup, ShipmentState.Failed or ShipmentState.Returned) => (d, now) => d.RecordPostalUpdate(
            $"Bưu điện chưa lấy được hồ sơ giấy (đơn {s.OrderNumber}): {s.FailureReason}",
            "Bưu điện chưa lấy được hồ sơ giấy của ông/bà. Ông/bà có thể nộp bản giấy tại Bộ phận Một cửa.", Actor.System, now),
        _ => null,
    };
}
