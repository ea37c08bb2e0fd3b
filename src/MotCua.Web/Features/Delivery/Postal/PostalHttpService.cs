using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using MotCua.Domain.Delivery;
using MotCua.Simulators.Postal;

namespace MotCua.Web.Features.Delivery.Postal;

/// <summary>
/// The post's JSON order API over HTTP (docs/delivery.md): <c>POST /orders</c>, <c>GET /orders/{n}</c>,
/// <c>POST /orders/{n}/cancel</c>, with <c>Authorization: Bearer MotCua:Postal:Token</c>. A 4xx other than 404
/// is a refusal (<see cref="PostalRefused"/>, not retried); anything else failing throws for the outbox to retry.
/// </summary>
public sealed class PostalHttpService(IHttpClientFactory clients, IOptions<PostalOptions> options, IOptions<MotCuaOptions> product, IServer server) : IPostalService
{
    public const string HttpClientName = "postal";
    public const string SimulatorPrefix = "/simulators/postal";

    public async Task<ShipmentTracking> CreateAsync(ShipmentOrder order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        var body = new PostalOrderRequest(
            options.Value.CustomerCode, order.OrderNumber, order.Purpose == ShipmentPurpose.Result ? "HCC-KQ" : "HCC-HS", order.CodAmount, 200,
            order.Purpose == ShipmentPurpose.Result ? "Kết quả giải quyết thủ tục hành chính" : "Hồ sơ thủ tục hành chính",
            order.SenderName, order.SenderAddress, order.SenderPhone, order.SenderCommune, order.SenderProvince,
            order.Receiver.ReceiverName, order.Receiver.Street, order.Receiver.Phone, order.Receiver.Commune, order.Receiver.Province);
        using var response = await SendAsync(HttpMethod.Post, "/orders", JsonContent.Create(body), ct);
        return await ReadAsync(response, ct) ?? throw new PostalRefused("The post answered 404 to a create.");
    }

    public async Task<ShipmentTracking?> TrackAsync(string orderNumber, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Get, "/orders/" + Uri.EscapeDataString(orderNumber), null, ct);
        return await ReadAsync(response, ct);
    }

    public async Task<ShipmentTracking> CancelAsync(string orderNumber, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Post, "/orders/" + Uri.EscapeDataString(orderNumber) + "/cancel", null, ct);
        return await ReadAsync(response, ct) ?? throw new PostalRefused("No such order.");
    }

    /// <summary>The protocol's status words as shipment states; an unknown word is refused rather than guessed.</summary>
    public static ShipmentState? StateOf(string? status) => status switch
    {
        PostalStatus.Accepted => ShipmentState.Accepted,
        PostalStatus.InTransit => ShipmentState.InTransit,
        PostalStatus.Delivered => ShipmentState.Delivered,
        PostalStatus.Failed => ShipmentState.Failed,
        PostalStatus.Returned => ShipmentState.Returned,
        PostalStatus.Cancelled => ShipmentState.Cancelled,
        _ => null,
    };

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseUrl() + path)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.Token);
        return await clients.CreateClient(HttpClientName).SendAsync(request, ct);
    }

    private static async Task<ShipmentTracking?> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            var status = (int)response.StatusCode;
            if (status is >= 400 and < 500 && status != 408 && status != 429) throw new PostalRefused($"The post refused: {status} {Trim(text)}");
            throw new HttpRequestException($"The post answered {status}: {Trim(text)}");
        }
        var answer = await response.Content.ReadFromJsonAsync<PostalOrderResponse>(ct) ?? throw new HttpRequestException("Empty answer from the post.");
        var state = StateOf(answer.Status) ?? throw new HttpRequestException($"Unknown postal status '{Trim(answer.Status)}'.");
        return new ShipmentTracking(answer.OrderNumber, answer.ItemCode, state, answer.StatusAt, answer.Reason);
    }

    private static string Trim(string? text) => text is null ? "" : text.Length > 300 ? text[..300] : text;

    private string BaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.BaseUrl)) return options.Value.BaseUrl.TrimEnd('/');
        return Infrastructure.SelfAddress.InDemo(product.Value, server) is { } self
            ? self + SimulatorPrefix
            : throw new InvalidOperationException("The postal service is not configured (MotCua:Postal:BaseUrl); the order stays in the outbox.");
    }
}
