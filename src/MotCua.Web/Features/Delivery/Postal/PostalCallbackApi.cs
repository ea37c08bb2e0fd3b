using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using System.Text.Json;
using MotCua.Simulators.Postal;
using MotCua.Web.Features.Delivery.Data;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Delivery.Postal;

/// <summary>
/// The post's status callbacks (<c>POST /api/v1/delivery/postal/callback</c>): signed with the shared secret over the
/// raw body (checked before anything is read), counted once by event id, and never moving a shipment backwards.
/// </summary>
public static class PostalCallbackApi
{
    public const string Route = "/api/v1/delivery/postal/callback";
    private const int MaxBody = 16 * 1024;

    public static WebApplication MapPostalCallback(this WebApplication app)
    {
        app.MapPost(Route, HandleAsync).AllowAnonymous().DisableAntiforgery().WithTags("Delivery");
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, MotCuaDbContext db, ShipmentService shipments, IOptions<PostalOptions> options, TimeProvider clock, CancellationToken ct)
    {
        if (context.Request.ContentLength is > MaxBody) return Results.Problem(statusCode: 413, title: "Body too large");
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBody) return Results.Problem(statusCode: 413, title: "Body too large");
        var body = buffer.ToArray();
        if (!PostalSignature.Verify(options.Value.CallbackSecret, body, context.Request.Headers[PostalSignature.Header].ToString()))
            return Results.Problem(statusCode: 401, title: "Bad signature", extensions: new Dictionary<string, object?> { ["field"] = PostalSignature.Header });

        PostalCallback? callback;
        try { callback = JsonSerializer.Deserialize<PostalCallback>(body, JsonSerializerOptions.Web); }
        catch (JsonException) { callback = null; }
        if (callback is null || string.IsNullOrWhiteSpace(callback.EventId) || callback.EventId.Length > 100 || string.IsNullOrWhiteSpace(callback.OrderNumber))
            return Field("eventId", "eventId and orderNumber are required");
        if (PostalHttpService.StateOf(callback.Status) is not { } state) return Field("status", "Unknown status");

        if (await db.Set<PostalCallbackReceipt>().AnyAsync(r => r.EventId == callback.EventId, ct)) return Results.Json(new { duplicate = true });
        if (await db.Set<PostalShipment>().FirstOrDefaultAsync(s => s.OrderNumber == callback.OrderNumber, ct) is not { } shipment)
            return Results.Problem(statusCode: 404, title: "No such order", extensions: new Dictionary<string, object?> { ["field"] = "orderNumber" });

        var receipt = new PostalCallbackReceipt { EventId = callback.EventId, ShipmentId = shipment.Id, ReceivedAt = clock.GetUtcNow() };
        db.Add(receipt);
        try
        {
            await shipments.ApplyAsync(shipment, new ShipmentTracking(callback.OrderNumber, callback.ItemCode, state, callback.StatusAt, callback.Reason), ct, moved => receipt.Applied = moved);
        }
        catch (DbUpdateException)
        {
            // The same event at the same moment (its id is the key) or a concurrent move: the post calls again, and
            // the second time finds it taken or applies it to the fresh shipment.
            return Results.Problem(statusCode: 409, title: "Concurrent update; retry");
        }
        return Results.Json(new { duplicate = false, applied = receipt.Applied });
    }

    private static IResult Field(string field, string detail) =>
        Results.Problem(statusCode: 400, title: "Invalid callback", detail: detail, extensions: new Dictionary<string, object?> { ["field"] = field });
}
