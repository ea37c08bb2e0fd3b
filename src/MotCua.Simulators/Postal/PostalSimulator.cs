using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MotCua.Simulators.Postal;

/// <summary>How the simulator sends status callbacks, so tests and demos can play a real post's habits.</summary>
public enum CallbackMode { Normal, Duplicate, OutOfOrder, None }

/// <summary>Where and how the simulator calls back: resolved when a callback is sent (the host's address is known late).</summary>
public sealed class PostalSimulatorSettings
{
    public required string Token { get; init; }
    public required string CallbackSecret { get; init; }
    public required Func<Uri?> CallbackUrl { get; init; }
    public required Func<HttpClient> Client { get; init; }
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

/// <summary>
/// A stand-in for the public postal service's order API: <c>POST /orders</c> (idempotent on the order number),
/// <c>GET /orders/{orderNumber}</c>, <c>POST /orders/{orderNumber}/cancel</c>, all with <c>Authorization: Bearer
/// token</c>. Shipments move forward by <see cref="AdvanceAllAsync"/> (a timer in demo mode) or by hand
/// (<c>POST /orders/{orderNumber}/advance</c>, the page at the prefix), and each move is called back, signed.
/// </summary>
public sealed partial class PostalSimulator(PostalSimulatorSettings settings)
{
    private readonly ConcurrentDictionary<string, SimulatedOrder> _orders = new(StringComparer.Ordinal);
    private long _sequence;
    private string _prefix = "";

    public CallbackMode Mode { get; set; } = CallbackMode.Normal;

    /// <summary>When set, every order call answers 503, as a post under maintenance would.</summary>
    public bool Unavailable { get; set; }

    /// <summary>How many create calls arrived (a retried create counts, yet makes no second order).</summary>
    public int CreateCalls => _createCalls;
    private int _createCalls;

    public IReadOnlyCollection<SimulatedOrder> Orders => [.. _orders.Values.OrderBy(o => o.Sequence)];

    public SimulatedOrder? Find(string orderNumber) => _orders.GetValueOrDefault(orderNumber);

    /// <summary>Moves every unfinished order one state on (accepted → in transit → delivered).</summary>
    public async Task AdvanceAllAsync(CancellationToken ct = default)
    {
        foreach (var order in Orders.Where(o => o.Status is PostalStatus.Accepted or PostalStatus.InTransit))
        {
            await AdvanceAsync(order.OrderNumber, order.Status == PostalStatus.Accepted ? PostalStatus.InTransit : PostalStatus.Delivered, null, ct);
        }
    }

    /// <summary>Moves one order to a state (any state: the simulator plays the post, not the product's rules) and calls back.</summary>
    public async Task<SimulatedOrder?> AdvanceAsync(string orderNumber, string status, string? reason, CancellationToken ct = default)
    {
        if (!_orders.TryGetValue(orderNumber, out var order)) return null;
        var previous = order.Status;
        lock (order)
        {
            order.Status = status;
            order.StatusAt = settings.Clock.GetUtcNow();
            order.Reason = status == PostalStatus.Failed ? reason ?? "Không liên lạc được người nhận" : reason;
        }
        await CallBackAsync(order, previous, ct);
        return order;
    }

    private async Task CallBackAsync(SimulatedOrder order, string previous, CancellationToken ct)
    {
        if (Mode == CallbackMode.None || settings.CallbackUrl() is not { } url) return;
        var current = new PostalCallback(NewEventId(), order.OrderNumber, order.ItemCode, order.Status, order.StatusAt, order.Reason);
        switch (Mode)
        {
            case CallbackMode.Duplicate:
                await SendAsync(url, current, ct);
                await SendAsync(url, current, ct);
                break;
            case CallbackMode.OutOfOrder:
                // The new state first, then a stale one (the previous state, sent late) that must change nothing.
                await SendAsync(url, current, ct);
                await SendAsync(url, current with { EventId = NewEventId(), Status = previous, StatusAt = order.StatusAt.AddMinutes(-5), Reason = null }, ct);
                break;
            default:
                await SendAsync(url, current, ct);
                break;
        }
    }

    /// <summary>The callbacks sent and the status the product answered, for the demo page and tests.</summary>
    public IReadOnlyCollection<(PostalCallback Callback, int Status)> Sent => [.. _sent];
    private readonly ConcurrentQueue<(PostalCallback, int)> _sent = new();

    private async Task SendAsync(Uri url, PostalCallback callback, CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(callback, JsonSerializerOptions.Web);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(PostalSignature.Header, PostalSignature.Sign(settings.CallbackSecret, body));
        try
        {
            using var response = await settings.Client().SendAsync(request, ct);
            _sent.Enqueue((callback, (int)response.StatusCode));
        }
        catch (HttpRequestException)
        {
            // A product that does not answer learns the state by polling (GET /orders/{n}), as with the real post.
            _sent.Enqueue((callback, 0));
        }
    }

    private string NewEventId() => $"EV{Interlocked.Increment(ref _sequence):D8}{RandomNumberGenerator.GetHexString(6)}";

    private bool Authorised(HttpContext context)
    {
        var given = context.Request.Headers.Authorization.ToString();
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes("Bearer " + settings.Token));
    }

    private static IResult Error(string code, string message, int status) => Results.Json(new { code, message }, statusCode: status);

    private static PostalOrderResponse Answer(SimulatedOrder o, bool duplicate = false) => new(o.OrderNumber, o.ItemCode, o.Status, o.StatusAt, o.Reason, duplicate);

    public void Map(IEndpointRouteBuilder routes, string prefix)
    {
        _prefix = prefix.TrimEnd('/');
        var group = routes.MapGroup(prefix);
        group.MapPost("/orders", (HttpContext context, PostalOrderRequest request) =>
        {
            if (!Authorised(context)) return Error("unauthorized", "Invalid token", 401);
            if (Unavailable) return Error("unavailable", "Service unavailable", 503);
            Interlocked.Increment(ref _createCalls);
            if (Problem(request) is { } problem) return Error("invalid", problem, 400);
            var fresh = new SimulatedOrder(request, $"EL{Interlocked.Increment(ref _sequence):D9}VN", Interlocked.Increment(ref _sequence)) { StatusAt = settings.Clock.GetUtcNow() };
            var order = _orders.GetOrAdd(request.OrderNumber!, fresh);
            return Results.Json(Answer(order, duplicate: !ReferenceEquals(order, fresh)));
        }).AllowAnonymous();
        group.MapGet("/orders/{orderNumber}", (HttpContext context, string orderNumber) =>
            !Authorised(context) ? Error("unauthorized", "Invalid token", 401)
            : Unavailable ? Error("unavailable", "Service unavailable", 503)
            : _orders.TryGetValue(orderNumber, out var o) ? Results.Json(Answer(o)) : Error("not_found", "No such order", 404)).AllowAnonymous();
        group.MapPost("/orders/{orderNumber}/cancel", (HttpContext context, string orderNumber) =>
        {
            if (!Authorised(context)) return Error("unauthorized", "Invalid token", 401);
            if (!_orders.TryGetValue(orderNumber, out var o)) return Error("not_found", "No such order", 404);
            if (o.Status != PostalStatus.Accepted && o.Status != PostalStatus.Cancelled) return Error("too_late", "The item is already on its way", 409);
            o.Status = PostalStatus.Cancelled;
            o.StatusAt = settings.Clock.GetUtcNow();
            return Results.Json(Answer(o));
        }).AllowAnonymous();
        MapDemo(group);
    }

    private static string? Problem(PostalOrderRequest r)
    {
        if (string.IsNullOrWhiteSpace(r.CustomerCode)) return "CustomerCode is required";
        if (string.IsNullOrWhiteSpace(r.OrderNumber) || r.OrderNumber.Length > 50) return "OrderNumber is required (max 50)";
        if (string.IsNullOrWhiteSpace(r.ReceiverFullname) || string.IsNullOrWhiteSpace(r.ReceiverAddress)
            || string.IsNullOrWhiteSpace(r.ReceiverTel) || string.IsNullOrWhiteSpace(r.ReceiverProvince) || string.IsNullOrWhiteSpace(r.ReceiverCommune))
            return "Receiver name, address, phone, commune and province are required";
        if (string.IsNullOrWhiteSpace(r.SenderFullname) || string.IsNullOrWhiteSpace(r.SenderAddress)) return "Sender name and address are required";
        return r.CodAmount < 0 || r.WeightGrams <= 0 ? "CodAmount must be >= 0 and WeightGrams > 0" : null;
    }
}

/// <summary>One order the simulator holds.</summary>
public sealed class SimulatedOrder(PostalOrderRequest request, string itemCode, long sequence)
{
    public PostalOrderRequest Request { get; } = request;
    public string OrderNumber => Request.OrderNumber!;
    public string ItemCode { get; } = itemCode;
    public long Sequence { get; } = sequence;
    public string Status { get; set; } = PostalStatus.Accepted;
    public DateTimeOffset StatusAt { get; set; }
    public string? Reason { get; set; }
}
