using System.Text.Json;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Infrastructure.Outbox;

/// <summary>Adds messages to the caller's unit of work; they are saved with (and only with) the caller's change.</summary>
public sealed class OutboxWriter(MotCuaDbContext db, TimeProvider clock)
{
    public OutboxMessage Add<T>(string type, T payload, string? dedupeKey = null, TimeSpan? delay = null)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var message = new OutboxMessage
        {
            Id = Guid.NewGuid(),
            Type = type,
            Payload = JsonSerializer.Serialize(payload, JsonSerializerOptions.Web),
            DedupeKey = dedupeKey,
            CreatedAtMs = now,
            AvailableAtMs = now + (long)(delay?.TotalMilliseconds ?? 0),
        };
        db.OutboxMessages.Add(message);
        return message;
    }
}
