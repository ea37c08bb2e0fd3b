using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Audit;

/// <summary>
/// Writes the entries that do not ride on an action's own transaction (reads of personal data, refusals) as a group
/// commit: every entry waiting when the writer comes round goes into one transaction, and each request is answered
/// once its entry's transaction has committed — so an entry is on record before its response leaves, as before.
/// Why: one transaction per inbox view (a scope, a context, BEGIN, two INSERTs, COMMIT on its own connection) cost
/// more than the inbox query itself and its p99 went from 20 to 58 ms (docs/performance.md); under load a batch
/// carries tens of entries for the cost of about one. One writer per process; entries from several instances
/// interleave through the table's own sequence, which the sealer chains.
/// </summary>
public sealed class AuditGroupWriter(IServiceScopeFactory scopes, ILogger<AuditGroupWriter> log) : IAsyncDisposable
{
    /// <summary>The most entries in one transaction; more waiting go in the next.</summary>
    internal const int MaxBatch = 256;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _start = new();
    private Task? _loop;

    /// <summary>Completes when the entry is committed; faults when it could not be written.</summary>
    public Task WriteAsync(AuditEntry entry, CancellationToken ct)
    {
        var pending = new Pending(entry, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(AuditGroupWriter));
        EnsureStarted();
        // A request that goes away stops waiting; its entry is still written (the read happened).
        return pending.Committed.Task.WaitAsync(ct);
    }

    private void EnsureStarted()
    {
        if (_loop is not null) return;
        lock (_start) _loop ??= Task.Run(RunAsync);
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
            try
            {
                await SaveAsync(batch.Select(p => p.Entry));
                foreach (var p in batch) p.Committed.TrySetResult();
            }
            catch (Exception e) when (batch.Count > 1)
            {
                // One bad entry must not fail the others' requests: write them one by one.
                log.LogWarning(e, "An audit batch of {Count} entries failed; writing them one by one", batch.Count);
                foreach (var p in batch) await SaveOneAsync(p);
            }
            catch (Exception e)
            {
                batch[0].Committed.TrySetException(e);
            }
            batch.Clear();
        }
    }

    private async Task SaveOneAsync(Pending p)
    {
        try
        {
            await SaveAsync([p.Entry]);
            p.Committed.TrySetResult();
        }
        catch (Exception e)
        {
            p.Committed.TrySetException(e);
        }
    }

    private async Task SaveAsync(IEnumerable<AuditEntry> entries)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        db.AddRange(entries);
        if (!db.Database.IsNpgsql())
        {
            await db.SaveChangesAsync();
            return;
        }
        // The batch does not wait for its commit to reach the disk: PostgreSQL writes it within a fraction of a
        // second, and a crash of the product process loses nothing; only a crash of the database server itself in
        // that window could. An action's own entry is unaffected: it commits, synchronously, with the action.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync("SET LOCAL synchronous_commit TO OFF");
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        });
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is not null) await _loop;
    }

    private sealed record Pending(AuditEntry Entry, TaskCompletionSource Committed);
}
