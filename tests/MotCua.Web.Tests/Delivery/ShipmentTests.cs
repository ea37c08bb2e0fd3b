using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Catalog;
using MotCua.Domain.Delivery;
using MotCua.Domain.Dossiers;
using MotCua.Simulators.Postal;
using MotCua.Web.Features.Delivery.Data;
using MotCua.Web.Features.Delivery.Postal;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Delivery;

/// <summary>The result by post: handed to the post once, ordered once, tracked by signed callbacks and by polling.</summary>
public sealed class ShipmentTests(DeliveryFactory factory) : IClassFixture<DeliveryFactory>
{
    private const string Counter = "motcua@motcua.demo";

    /// <summary>A dossier in status 9 whose result the counter has handed to the post, and the post has accepted.</summary>
    private async Task<(Dossier Dossier, PostalShipment Shipment)> HandedAsync(StaffClient counter)
    {
        var dossier = await factory.DossierAsync(Channel.Post, processed: true);
        var url = $"/staff/dossiers/{dossier.Id}";
        Assert.Contains("Giao kết quả cho bưu điện", WebUtility.HtmlDecode(await counter.GetPageAsync(url)), StringComparison.Ordinal);
        Assert.Equal($"{url}#delivery", await counter.PostFormExpectingRedirectAsync(url, [], $"{url}/delivery"));
        await factory.SendOrdersAsync();
        return (dossier, Assert.Single(await factory.ShipmentsAsync(dossier.Id)));
    }

    private Task<DossierStatus> StatusAsync(Guid id) => factory.WithDbAsync(db => db.Dossiers.Where(d => d.Id == id).Select(d => d.Status).SingleAsync());

    [Fact]
    public async Task Handing_the_result_to_the_post_twice_and_running_the_order_twice_makes_one_shipment()
    {
        using var counter = await StaffClient.SignInAsync(factory, Counter);
        var dossier = await factory.DossierAsync(Channel.Post, processed: true);
        var url = $"/staff/dossiers/{dossier.Id}";

        // A specialist of the unit sees the dossier but is not its counter.
        using var specialist = await StaffClient.SignInAsync(factory, "chuyenvien@motcua.demo");
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.PostFormAsync(url, [], $"{url}/delivery")).StatusCode);

        await counter.PostFormExpectingRedirectAsync(url, [], $"{url}/delivery");
        var again = await counter.PostFormAsync(url, [], $"{url}/delivery");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var shipment = Assert.Single(await factory.ShipmentsAsync(dossier.Id));
        Assert.Equal((ShipmentPurpose.Result, ShipmentState.Created, 22_000L), (shipment.Purpose, shipment.State, shipment.Fee));

        // The outbox runs the order twice (a crash before it was marked done): the post is asked twice, makes one order.
        var message = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.DedupeKey == "postal:create:" + shipment.OrderNumber));
        var handler = factory.Services.GetServices<Web.Infrastructure.Outbox.IOutboxHandler>().Single(h => h.Type == message.Type);
        var calls = factory.Post.CreateCalls;
        await handler.HandleAsync(new(message.Id, message.Type, message.Payload, 1), CancellationToken.None);
        await factory.WithDbAsync(db => db.Set<PostalShipment>().Where(s => s.Id == shipment.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ItemCode, (string?)null).SetProperty(x => x.State, ShipmentState.Created)));
        await handler.HandleAsync(new(message.Id, message.Type, message.Payload, 2), CancellationToken.None);
        Assert.Equal(calls + 2, factory.Post.CreateCalls);
        var order = Assert.Single(factory.Post.Orders, o => o.OrderNumber == shipment.OrderNumber);
        Assert.Equal(dossier.Code + "-KQ", order.Request.OrderNumber);
        Assert.Equal(("TEST", "Nguyễn Văn An", "Phường Hoàn Kiếm", 22_000L), (order.Request.CustomerCode, order.Request.ReceiverFullname, order.Request.ReceiverCommune, order.Request.CodAmount));
        var accepted = Assert.Single(await factory.ShipmentsAsync(dossier.Id));
        Assert.Equal((ShipmentState.Accepted, order.ItemCode), (accepted.State, accepted.ItemCode));
    }

    [Fact]
    public async Task Callbacks_need_the_signature_count_once_never_go_back_and_delivered_returns_the_result_by_post()
    {
        using var counter = await StaffClient.SignInAsync(factory, Counter);
        var (dossier, shipment) = await HandedAsync(counter);
        using var anonymous = StaffClient.Anonymous(factory);

        // Forged: the right shape without the secret is refused and changes nothing.
        var body = JsonSerializer.SerializeToUtf8Bytes(new PostalCallback("EV-forged", shipment.OrderNumber, "X", "delivered", DateTimeOffset.UtcNow, null), JsonSerializerOptions.Web);
        using var forged = new ByteArrayContent(body);
        forged.Headers.ContentType = new("application/json");
        forged.Headers.Add(PostalSignature.Header, PostalSignature.Sign("wrong-secret", body));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Http.PostAsync(new Uri(PostalCallbackApi.Route, UriKind.Relative), forged)).StatusCode);
        Assert.Equal(ShipmentState.Accepted, Assert.Single(await factory.ShipmentsAsync(dossier.Id)).State);

        // Signed but unreadable: a problem naming the field, nothing taken.
        var odd = JsonSerializer.SerializeToUtf8Bytes(new PostalCallback("EV-odd", shipment.OrderNumber, "X", "teleported", DateTimeOffset.UtcNow, null), JsonSerializerOptions.Web);
        using var oddContent = new ByteArrayContent(odd);
        oddContent.Headers.ContentType = new("application/json");
        oddContent.Headers.Add(PostalSignature.Header, PostalSignature.Sign(DeliveryFactory.Secret, odd));
        var refused = await anonymous.Http.PostAsync(new Uri(PostalCallbackApi.Route, UriKind.Relative), oddContent);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("status", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<PostalCallbackReceipt>().CountAsync(r => r.ShipmentId == shipment.Id)));

        try
        {
            // Sent twice: one receipt, one move.
            factory.Post.Mode = CallbackMode.Duplicate;
            await factory.Post.AdvanceAsync(shipment.OrderNumber, PostalStatus.InTransit, null);
            Assert.Equal(ShipmentState.InTransit, Assert.Single(await factory.ShipmentsAsync(dossier.Id)).State);
            Assert.Equal(1, await factory.WithDbAsync(db => db.Set<PostalCallbackReceipt>().CountAsync(r => r.ShipmentId == shipment.Id)));

            // Delivered, then a stale "in transit" arrives late: taken but ignored.
            factory.Post.Mode = CallbackMode.OutOfOrder;
            await factory.Post.AdvanceAsync(shipment.OrderNumber, PostalStatus.Delivered, null);
        }
        finally
        {
            factory.Post.Mode = CallbackMode.Normal;
        }
        var receipts = await factory.WithDbAsync(db => db.Set<PostalCallbackReceipt>().AsNoTracking().Where(r => r.ShipmentId == shipment.Id).ToListAsync());
        Assert.Equal([true, true, false], receipts.OrderBy(r => r.ReceivedAt).Select(r => r.Applied));
        Assert.Equal(ShipmentState.Delivered, Assert.Single(await factory.ShipmentsAsync(dossier.Id)).State);
        var returned = await factory.WithDbAsync(db => db.Dossiers.AsNoTracking().SingleAsync(d => d.Id == dossier.Id));
        Assert.Equal((DossierStatus.ResultReturned, (Channel?)Channel.Post), (returned.Status, returned.ReturnChannel));
    }

    [Fact]
    public async Task A_failed_delivery_is_told_shown_to_the_counter_and_the_result_is_returned_at_the_counter()
    {
        using var counter = await StaffClient.SignInAsync(factory, Counter);
        var (dossier, shipment) = await HandedAsync(counter);
        await factory.Post.AdvanceAsync(shipment.OrderNumber, PostalStatus.Failed, "Người nhận vắng nhà");
        Assert.Equal(("Người nhận vắng nhà", ShipmentState.Failed), (Assert.Single(await factory.ShipmentsAsync(dossier.Id)).FailureReason, Assert.Single(await factory.ShipmentsAsync(dossier.Id)).State));

        var page = WebUtility.HtmlDecode(await counter.GetPageAsync($"/staff/dossiers/{dossier.Id}"));
        Assert.Contains("id=\"delivery-failed\"", page, StringComparison.Ordinal);
        Assert.Contains("Người nhận vắng nhà", page, StringComparison.Ordinal);
        var list = WebUtility.HtmlDecode(await counter.GetPageAsync("/staff/delivery/problems"));
        Assert.Contains(dossier.Code!, list, StringComparison.Ordinal);
        Assert.Contains("****5678", list, StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", list, StringComparison.Ordinal);

        // The citizen is told (an SMS and an e-mail of the new public event, through the outbox).
        var sms = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.DedupeKey!.StartsWith($"dossier:{dossier.Id:N}:") && m.DedupeKey.EndsWith(":sms")).Select(m => m.Payload).ToListAsync());
        Assert.Contains(sms, p => p.Contains("Buu dien chua giao duoc ket qua", StringComparison.Ordinal));

        // The counter returns the result at the counter instead (the existing action, channel 1).
        var version = await factory.WithDbAsync(db => db.Dossiers.Where(d => d.Id == dossier.Id).Select(d => d.Version).SingleAsync());
        var returned = await counter.Http.PostAsJsonAsync($"/api/v1/dossiers/{dossier.Id}/return", new { version, channel = 1 });
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        Assert.Equal(DossierStatus.ResultReturned, await StatusAsync(dossier.Id));
        Assert.DoesNotContain(dossier.Code!, WebUtility.HtmlDecode(await counter.GetPageAsync("/staff/delivery/problems")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_polling_job_reconciles_a_shipment_whose_callbacks_were_lost()
    {
        using var counter = await StaffClient.SignInAsync(factory, Counter);
        var (dossier, shipment) = await HandedAsync(counter);
        try
        {
            factory.Post.Mode = CallbackMode.None;
            await factory.Post.AdvanceAsync(shipment.OrderNumber, PostalStatus.Delivered, null);
        }
        finally
        {
            factory.Post.Mode = CallbackMode.Normal;
        }
        Assert.Equal(DossierStatus.Processed, await StatusAsync(dossier.Id));
        var reconciler = factory.Services.GetRequiredService<PostalReconciler>();
        Assert.Equal(0, await reconciler.RunOnceAsync(CancellationToken.None)); // heard of it a moment ago: not asked yet

        await factory.WithDbAsync(db => db.Set<PostalShipment>().Where(s => s.Id == shipment.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.CheckedAt, DateTimeOffset.UtcNow.AddHours(-2))));
        Assert.True(await reconciler.RunOnceAsync(CancellationToken.None) >= 1);
        Assert.Equal(ShipmentState.Delivered, Assert.Single(await factory.ShipmentsAsync(dossier.Id)).State);
        Assert.Equal(DossierStatus.ResultReturned, await StatusAsync(dossier.Id));
        Assert.Equal(0, await reconciler.RunOnceAsync(CancellationToken.None));
    }
}
