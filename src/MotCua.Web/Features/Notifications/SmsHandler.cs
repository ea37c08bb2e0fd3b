using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using MotCua.Web.Infrastructure.Outbox;
using MotCua.Web.Infrastructure.Privacy;

namespace MotCua.Web.Features.Notifications;

/// <summary>
/// A text message to a citizen's mobile, as written to the outbox (type <see cref="SmsHandler.MessageType"/>); the number
/// is protected like the dossier's copy (docs/adr/0023), since sent messages stay in the outbox as the record of sending.
/// </summary>
public sealed record SmsNotification(string To, string Text);

public sealed class SmsOptions
{
    public const string Section = "MotCua:Sms";
    /// <summary>Base URL of the SMS gateway; empty in demo mode means the bundled simulator at /simulators/sms.</summary>
    public string? Url { get; set; }
    public string ApiKey { get; set; } = "";
}

/// <summary>
/// Sends SMS notifications from the outbox through the gateway's HTTP API. The outbox message id is the
/// gateway's idempotency id, so a resend after a crash is recognised by the gateway and delivered once.
/// </summary>
public sealed class SmsHandler(IHttpClientFactory clients, IOptions<SmsOptions> options, IOptions<MotCuaOptions> product, IServer server) : IOutboxHandler
{
    public const string MessageType = "notify.sms";
    public const string HttpClientName = "sms";

    public string Type => MessageType;

    public async Task HandleAsync(OutboxEnvelope message, CancellationToken ct)
    {
        var sms = message.Read<SmsNotification>();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUrl() + "/send"))
        {
            Content = JsonContent.Create(new { id = message.Id.ToString("N"), to = PersonalData.Reveal(sms.To), text = sms.Text }),
        };
        request.Headers.Add("X-Api-Key", options.Value.ApiKey);
        using var response = await clients.CreateClient(HttpClientName).SendAsync(request, ct);
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync(ct);
        // A request the gateway will never accept (bad number, bad key) is parked at once instead of retried for hours.
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            throw new OutboxPermanentFailure($"SMS gateway refused the message: {(int)response.StatusCode} {body}");
        throw new HttpRequestException($"SMS gateway answered {(int)response.StatusCode}: {body}");
    }

    private string BaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.Url)) return options.Value.Url.TrimEnd('/');
        return Infrastructure.SelfAddress.InDemo(product.Value, server) is { } self
            ? self + "/simulators/sms"
            : throw new InvalidOperationException("SMS is not configured (MotCua:Sms:Url); the message stays in the outbox.");
    }
}
