using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Features.Audit;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Audit;

/// <summary>
/// Entries written outside an action (reads, refusals) are group-committed: each caller is answered only once its
/// entry is in the table, every entry is there once, and one entry the database refuses fails alone.
/// </summary>
public sealed class AuditGroupWriterTests(UnsealedFactory factory) : IClassFixture<UnsealedFactory>
{
    private static AuditRecord Read(string label) =>
        new("test.group", new AuditObject("test", Guid.NewGuid().ToString(), label), [Guid.NewGuid()], "kiểm thử");

    private Task<List<string?>> LabelsAsync(string prefix) => factory.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
        .Where(e => e.ObjectLabel!.StartsWith(prefix)).Select(e => e.ObjectLabel).ToListAsync());

    [Fact]
    public async Task Concurrent_writers_are_each_answered_after_their_entry_is_committed_and_each_entry_is_there_once()
    {
        var prefix = $"group-{Guid.NewGuid():N}-";
        var writes = Enumerable.Range(0, 120).Select(i => factory.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<IAuditLog>().WriteAsync(Read(prefix + i), CancellationToken.None);
            // Answered: the entry must be readable by anyone now, not merely queued.
            return await factory.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(e => e.ObjectLabel == prefix + i));
        })).ToList();
        var seen = await Task.WhenAll(writes);

        Assert.All(seen, count => Assert.Equal(1, count));
        var labels = await LabelsAsync(prefix);
        Assert.Equal(120, labels.Count);
        Assert.Equal(120, labels.Distinct().Count());
        var units = await factory.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().Include(e => e.Units)
            .Where(e => e.ObjectLabel!.StartsWith(prefix)).SumAsync(e => e.Units.Count));
        Assert.Equal(120, units);
    }

    [Fact]
    public async Task An_entry_the_database_refuses_fails_its_own_caller_and_not_the_others_in_its_batch()
    {
        var prefix = $"bad-{Guid.NewGuid():N}-";
        var writer = factory.Services.GetRequiredService<AuditGroupWriter>();
        static AuditEntry Entry(string label, string? action) => new()
        {
            At = DateTimeOffset.UtcNow, ActorKind = AuditActorKinds.System, Action = action!, ObjectType = "test",
            ObjectLabel = label, Outcome = AuditOutcomes.Done, Units = [],
        };
        // Queued together, so that they share a batch whenever the writer is not already busy.
        var good = Enumerable.Range(0, 20).Select(i => writer.WriteAsync(Entry(prefix + i, "test.group"), CancellationToken.None)).ToList();
        var bad = writer.WriteAsync(Entry(prefix + "refused", action: null), CancellationToken.None);
        var more = Enumerable.Range(20, 20).Select(i => writer.WriteAsync(Entry(prefix + i, "test.group"), CancellationToken.None)).ToList();

        await Assert.ThrowsAnyAsync<Exception>(() => bad);
        await Task.WhenAll(good.Concat(more));
        var labels = await LabelsAsync(prefix);
        Assert.Equal(40, labels.Count);
        Assert.DoesNotContain(prefix + "refused", labels);
    }
}
