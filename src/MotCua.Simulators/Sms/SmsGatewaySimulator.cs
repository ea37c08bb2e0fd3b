using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MotCua.Simulators.Sms;

/// <summary>
/// An SMS gateway of the kind Vietnamese operators' brand-name APIs offer: <c>POST /send</c> with a JSON body
/// <c>{"id","to","text"}</c> and an <c>X-Api-Key</c> header; the client's <c>id</c> makes a resend count once.
/// Numbers must be Vietnamese mobiles (0 or +84 then 9 digits). It keeps what it accepted, for the demo
/// (<c>GET /messages</c>) and for tests, and can be told to fail.
/// </summary>
public sealed class SmsGatewaySimulator(string apiKey)
{
    private readonly ConcurrentDictionary<string, SmsRecord> _messages = new(StringComparer.Ordinal);

    public IReadOnlyCollection<SmsRecord> Messages => [.. _messages.Values.OrderBy(m => m.Sequence)];

    /// <summary>When set, every send answers 503, as a gateway under maintenance would.</summary>
    public bool Unavailable { get; set; }

    private long _sequence;
    private long _received;

    /// <summary>Every send accepted, resends included: with <see cref="Messages"/> it tells how many were resent.</summary>
    public long Received => Interlocked.Read(ref _received);

    public void Map(IEndpointRouteBuilder routes, string prefix)
    {
        var group = routes.MapGroup(prefix);
        group.MapPost("/send", (HttpContext context, SmsSendRequest request) =>
        {
            if (!KeyMatches(context.Request.Headers["X-Api-Key"].ToString()))
                return Results.Json(new { code = "unauthorized", message = "Invalid API key" }, statusCode: 401);
            if (Unavailable) return Results.Json(new { code = "unavailable", message = "Gateway unavailable" }, statusCode: 503);
            if (string.IsNullOrWhiteSpace(request.Id) || request.Id.Length > 100)
                return Results.Json(new { code = "bad_id", message = "id is required (max 100 characters)" }, statusCode: 400);
            if (!IsVietnameseMobile(request.To))
                return Results.Json(new { code = "bad_number", message = "to must be a Vietnamese mobile number" }, statusCode: 400);
            if (string.IsNullOrEmpty(request.Text) || request.Text.Length > 612)
                return Results.Json(new { code = "bad_text", message = "text is required (max 612 characters)" }, statusCode: 400);
            Interlocked.Increment(ref _received);
            var fresh = new SmsRecord(request.Id, request.To!, request.Text, Interlocked.Increment(ref _sequence));
            var duplicate = !_messages.TryAdd(request.Id, fresh);
            return Results.Json(new { code = "ok", messageId = request.Id, duplicate });
        }).AllowAnonymous();
        group.MapGet("/messages", () => Results.Json(Messages)).AllowAnonymous();
    }

    private bool KeyMatches(string given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(apiKey));

    private static bool IsVietnameseMobile(string? number)
    {
        if (string.IsNullOrEmpty(number)) return false;
        var digits = number.StartsWith("+84", StringComparison.Ordinal) ? "0" + number[3..] : number;
        return digits.Length == 10 && digits[0] == '0' && digits.All(char.IsAsciiDigit);
    }
}

public sealed record SmsSendRequest(string? Id, string? To, string? Text);

public sealed record SmsRecord(string Id, string To, string Text, long Sequence);
