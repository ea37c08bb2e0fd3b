using System.Data.Common;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Web.Infrastructure.Observability;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Infrastructure.Outbox;

public sealed class OutboxOptions
{
    public const string Section = "MotCua:Outbox";
    public int BatchSize { get; set; } = 20;
    /// <summary>How long a claimed message stays with one worker; after that, a worker that died loses it to another.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public int MaxAttempts { get; set; } = 12;
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Claims due messages and hands them to their handlers. On PostgreSQL the claim uses FOR UPDATE SKIP LOCKED,
/// so any number of instances share the work without a broker and without taking the same message twice;
/// on SQLite (one process) writes are serialised by the database. A message is marked done only after its
/// handler returns; a failure schedules a retry with exponential back-off, and too many failures park it.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes, IEnumerable<IOutboxHandler> handlers, IOptions<OutboxOptions> options, TimeProvider clock,
    ILogger<OutboxDispatcher> log)
{
    // What the runbook's sync-failure alert reads: deliveries and failures per message type (docs/operations.md).
    private static readonly Counter<long> Delivered = ObservabilitySetup.Meter.CreateCounter<long>("motcua.outbox.delivered", "{message}",
        "Outbox messages delivered to their receiver, per type");
    private static readonly Counter<long> Failures = ObservabilitySetup.Meter.CreateCounter<long>("motcua.outbox.failures", "{message}",
        "Outbox deliveries that failed, per type; parked=true when the message gave up");

    private readonly Dictionary<string, IOutboxHandler> _handlers = handlers.ToDictionary(h => h.Type, StringComparer.Ordinal);
    // Unique per process start: a restarted process must not think it still holds its predecessor's leases.
    private readonly string _worker = Truncate($"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}", 100);

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[^max..];

    /// <summary>Claims one batch and processes it; returns how many messages were handled (done or failed).</summary>
    /// <remarks>
    /// The batch's messages go out at once (each to its own receiver: SMTP, the SMS gateway) and those done are marked
    /// in one statement: a busy day's notices then cost one commit per batch rather than one per message, and a slow
    /// receiver holds up the batch only as long as its own call. A crash between sending and marking resends at most
    /// this batch after the lease; every receiver is given the message id to count a resend once.
    /// </remarks>
    public async Task<int> DispatchOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        var claimed = await ClaimAsync(db, ct);
        if (claimed.Count == 0) return 0;
        var failures = await Task.WhenAll(claimed.Select(m => HandleAsync(m, ct)));
        var delivered = claimed.Where((_, i) => failures[i] is null).ToList();
        if (delivered.Count > 0) await CompleteAsync(db, [.. delivered.Select(m => m.Id)], ct);
        foreach (var m in delivered) Delivered.Add(1, new KeyValuePair<string, object?>("type", m.Type));
        for (var i = 0; i < claimed.Count; i++)
        {
            if (failures[i] is { } e) await FailAsync(db, claimed[i], e.Message, permanent: e is OutboxPermanentFailure, ct);
        }
        return claimed.Count;
    }

    /// <summary>Hands one message to its handler; the exception when it failed, null when it is done.</summary>
    private async Task<Exception?> HandleAsync(OutboxEnvelope message, CancellationToken ct)
    {
        try
        {
            if (!_handlers.TryGetValue(message.Type, out var handler))
                throw new InvalidOperationException($"No handler for outbox messages of type '{message.Type}'.");
            await handler.HandleAsync(message, ct);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogWarning(e, "Outbox message {Id} ({Type}) failed on attempt {Attempt}", message.Id, message.Type, message.Attempt);
            return e;
        }
    }

    private async Task<List<OutboxEnvelope>> ClaimAsync(MotCuaDbContext db, CancellationToken ct)
    {
        var o = options.Value;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var skipLocked = db.Database.IsNpgsql() ? "FOR UPDATE SKIP LOCKED" : "";
        var sql = $"""
            UPDATE outbox_messages
               SET "LockedBy" = @worker, "LockedUntilMs" = @until, "Attempts" = "Attempts" + 1
             WHERE "Id" IN (SELECT "Id" FROM outbox_messages
                             WHERE "ProcessedAtMs" IS NULL AND "DeadAtMs" IS NULL AND "AvailableAtMs" <= @now
                               AND ("LockedUntilMs" IS NULL OR "LockedUntilMs" < @now)
                             ORDER BY "AvailableAtMs" LIMIT @batch {skipLocked})
            RETURNING "Id", "Type", "Payload", "Attempts"
            """;
        var result = new List<OutboxEnvelope>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            Add(command, "worker", _worker);
            Add(command, "until", now + (long)o.Lease.TotalMilliseconds);
            Add(command, "now", now);
            Add(command, "batch", o.BatchSize);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                result.Add(new OutboxEnvelope(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return result;
    }

    private async Task CompleteAsync(MotCuaDbContext db, List<Guid> ids, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        // Only the worker holding the lease marks it: a worker whose lease ran out must not overwrite another's claim.
        await db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.LockedBy == _worker)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAtMs, now).SetProperty(m => m.LockedUntilMs, (long?)null).SetProperty(m => m.LastError, (string?)null), ct);
    }

    private async Task FailAsync(MotCuaDbContext db, OutboxEnvelope message, string error, bool permanent, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var o = options.Value;
        var dead = permanent || message.Attempt >= o.MaxAttempts;
        // 2, 4, 8 … seconds, capped at an hour: a receiver that is down is not hammered, and recovers by itself.
        var backoff = (long)Math.Min(TimeSpan.FromHours(1).TotalMilliseconds, 1000 * Math.Pow(2, Math.Min(message.Attempt, 20)));
        var text = error.Length > 2000 ? error[..2000] : error;
        Failures.Add(1, new KeyValuePair<string, object?>("type", message.Type), new KeyValuePair<string, object?>("parked", dead));
        await db.OutboxMessages.Where(m => m.Id == message.Id && m.LockedBy == _worker)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LockedUntilMs, (long?)null)
                .SetProperty(m => m.AvailableAtMs, now + backoff)
                .SetProperty(m => m.DeadAtMs, dead ? now : null)
                .SetProperty(m => m.LastError, text), CancellationToken.None);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = "@" + name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}

/// <summary>Runs the dispatcher in the background of every instance.</summary>
public sealed class OutboxWorker(OutboxDispatcher dispatcher, IOptions<OutboxOptions> options, ILogger<OutboxWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            int handled;
            try
            {
                handled = await dispatcher.DispatchOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be restarting: wait and try again rather than stopping the worker for good.
                log.LogWarning(e, "Outbox dispatch failed; retrying");
                handled = 0;
            }
            if (handled == 0)
            {
                try { await Task.Delay(options.Value.PollInterval, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }
}
