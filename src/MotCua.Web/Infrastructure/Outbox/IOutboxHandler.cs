using System.Text.Json;

namespace MotCua.Web.Infrastructure.Outbox;

/// <summary>A claimed message, handed to the handler registered for its type.</summary>
public sealed record OutboxEnvelope(Guid Id, string Type, string Payload, int Attempt)
{
    public T Read<T>() => JsonSerializer.Deserialize<T>(Payload, JsonSerializerOptions.Web)
        ?? throw new InvalidDataException($"Outbox message {Id} has an empty payload.");
}

/// <summary>
/// Delivers one type of message. It may be called more than once for the same message (a crash after the
/// work but before the message is marked done): use <see cref="OutboxEnvelope.Id"/> to make the effect count once.
/// </summary>
public interface IOutboxHandler
{
    string Type { get; }

    Task HandleAsync(OutboxEnvelope message, CancellationToken ct);
}
