using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Audit;

public sealed class AuditOptions
{
    public const string Section = "MotCua:Audit";
    public bool SealerEnabled { get; set; } = true;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    public int BatchSize { get; set; } = 500;
    /// <summary>
    /// How far below the last sealed entry the sealer still looks for entries committed late (on PostgreSQL a
    /// sequence number is taken at insert, so a slow transaction can commit after later numbers were sealed).
    /// An entry further behind is never sealed and the verification reports it.
    /// </summary>
    public int LookBack { get; set; } = 10_000;
}

/// <summary>
/// Chains unsealed entries, oldest number first, onto the last seal. One sealer at a time across instances: on
/// PostgreSQL a transaction-scoped advisory lock (an instance that does not get it skips the round), on SQLite the
/// write lock its transactions take at BEGIN (one process anyway); and should two ever race, the unique position
/// and entry columns let one commit and the other roll back — sealing is idempotent. Request paths never come here.
/// </summary>
public sealed class AuditSealer(IServiceScopeFactory scopes, IOptions<AuditOptions> options, TimeProvider clock, ILogger<AuditSealer> log)
{
    /// <summary>Any fixed number: the key of the advisory lock (ASCII "MCaudit").</summary>
    private const long LockKey = 0x4D43_6175_6469_74;

    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>Seals one batch; returns how many entries it chained (0 when none waited or another sealer holds the lock).</summary>
    public async Task<int> SealOnceAsync(CancellationToken ct)
    {
        await _one.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
            try
            {
                return await db.Database.CreateExecutionStrategy().ExecuteAsync(ct => SealAsync(db, ct), ct);
            }
            catch (DbUpdateException e)
            {
                // Another sealer chained the same entries first: its links stand, ours rolled back.
                log.LogInformation(e, "Audit sealing lost a race; the other sealer's links stand");
                return 0;
            }
        }
        finally
        {
            _one.Release();
        }
    }

    private async Task<int> SealAsync(MotCuaDbContext db, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql()
            && !await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({LockKey}) AS \"Value\"").SingleAsync(ct))
        {
            return 0;
        }
        var head = await db.Set<AuditSeal>().AsNoTracking().OrderByDescending(s => s.Position).FirstOrDefaultAsync(ct);
        var from = Math.Max(0, (head?.EntrySequence ?? 0) - options.Value.LookBack);
        var waiting = await db.Set<AuditEntry>().AsNoTracking().Include(e => e.Units)
            .Where(e => e.Sequence > from && !db.Set<AuditSeal>().Any(s => s.EntrySequence == e.Sequence))
            .OrderBy(e => e.Sequence).Take(options.Value.BatchSize).ToListAsync(ct);
        if (waiting.Count == 0) return 0;

        var previousHash = head?.Hash ?? AuditChain.Genesis;
        var previousEntry = head?.EntrySequence;
        var position = head?.Position ?? 0;
        var now = clock.GetUtcNow();
        foreach (var entry in waiting)
        {
            var hash = AuditChain.Link(previousHash, entry);
            db.Add(new AuditSeal { Position = ++position, EntrySequence = entry.Sequence, PreviousEntrySequence = previousEntry, Hash = hash, SealedAt = now });
            (previousHash, previousEntry) = (hash, entry.Sequence);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        // The head in the log too: a copy outside the database that a rewritten chain would no longer match.
        log.LogInformation("Audit chain sealed to position {Position} (entry {Sequence}), head {Hash}", position, previousEntry, Convert.ToHexStringLower(previousHash));
        return waiting.Count;
    }
}

/// <summary>Runs the sealer in the background of every instance; the lock lets one of them work at a time.</summary>
public sealed class AuditSealerWorker(AuditSealer sealer, IOptions<AuditOptions> options, ILogger<AuditSealerWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SealerEnabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var sealedCount = 0;
            try
            {
                sealedCount = await sealer.SealOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Audit sealing failed; retrying");
            }
            if (sealedCount < options.Value.BatchSize)
            {
                try { await Task.Delay(options.Value.PollInterval, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }
}
