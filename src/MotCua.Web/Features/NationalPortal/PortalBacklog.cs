using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure.Outbox;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.NationalPortal;

/// <summary>One push that has not gone through: which dossier and version, how often it was tried, the last error.</summary>
public sealed record PortalProblem(Guid MessageId, Guid DossierId, int Version, int Attempts, string? LastError, DateTimeOffset Queued,
    DateTimeOffset NextTry, bool Parked);

/// <summary>The sync's state for administrators: what waits, since when, what fails and why.</summary>
public sealed record PortalBacklogView(int Waiting, DateTimeOffset? OldestWaiting, int Failing, int Parked, int SentToday, IReadOnlyList<PortalProblem> Problems);

/// <summary>
/// The portal sync's backlog and error list, read from the outbox (the sync has no table of its own: a message is the
/// push), and the administrator's one action: send a parked push again.
/// </summary>
public sealed class PortalBacklog(MotCuaDbContext db, TimeProvider clock)
{
    public const int ProblemsShown = 100;

    public async Task<PortalBacklogView> ReadAsync(CancellationToken ct)
    {
        var sync = db.OutboxMessages.AsNoTracking().Where(m => m.Type == PortalSync.MessageType);
        var open = sync.Where(m => m.ProcessedAtMs == null && m.DeadAtMs == null);
        var waiting = await open.CountAsync(ct);
        var oldest = await open.MinAsync(m => (long?)m.CreatedAtMs, ct);
        var failing = await open.CountAsync(m => m.LastError != null, ct);
        var parked = await sync.CountAsync(m => m.DeadAtMs != null && m.ProcessedAtMs == null, ct);
        var dayStart = new DateTimeOffset(Infrastructure.VietnamTime.Today(clock).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7)).ToUnixTimeMilliseconds();
        var sentToday = await sync.CountAsync(m => m.ProcessedAtMs >= dayStart, ct);
        var rows = await sync.Where(m => m.ProcessedAtMs == null && m.LastError != null)
            .OrderByDescending(m => m.DeadAtMs != null).ThenBy(m => m.CreatedAtMs).Take(ProblemsShown)
            .Select(m => new { m.Id, m.Payload, m.Attempts, m.LastError, m.CreatedAtMs, m.AvailableAtMs, m.DeadAtMs }).ToListAsync(ct);
        var problems = rows.Select(m =>
        {
            var message = new OutboxEnvelope(m.Id, PortalSync.MessageType, m.Payload, m.Attempts).Read<PortalSyncMessage>();
            return new PortalProblem(m.Id, message.DossierId, message.Version, m.Attempts, m.LastError,
                DateTimeOffset.FromUnixTimeMilliseconds(m.CreatedAtMs), DateTimeOffset.FromUnixTimeMilliseconds(m.AvailableAtMs), m.DeadAtMs is not null);
        }).ToList();
        return new PortalBacklogView(waiting, oldest is { } o ? DateTimeOffset.FromUnixTimeMilliseconds(o) : null, failing, parked, sentToday, problems);
    }

    /// <summary>Puts a parked push back in line, to be tried at once with a fresh count of attempts; false when there is none.</summary>
    public async Task<bool> RetryAsync(Guid messageId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return await db.OutboxMessages
            .Where(m => m.Id == messageId && m.Type == PortalSync.MessageType && m.DeadAtMs != null && m.ProcessedAtMs == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.DeadAtMs, (long?)null).SetProperty(m => m.AvailableAtMs, now).SetProperty(m => m.Attempts, 0), ct) == 1;
    }
}
