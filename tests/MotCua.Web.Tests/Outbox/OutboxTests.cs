using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Infrastructure.Outbox;
using MotCua.Web.Infrastructure.Persistence;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Outbox;

/// <summary>The product's host with the background worker off, a hand-moved clock and a recording handler.</summary>
public sealed class OutboxFactory : MotCuaFactory
{
    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
    public RecordingHandler Handler { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("MotCua:Outbox:Enabled", "false");
        builder.UseSetting("MotCua:Outbox:MaxAttempts", "3");
        builder.ConfigureServices(s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            s.AddSingleton<IOutboxHandler>(Handler);
        });
    }
}

public sealed class RecordingHandler : IOutboxHandler
{
    public ConcurrentDictionary<Guid, int> Calls { get; } = new();
    public HashSet<string> Failing { get; } = [];

    public string Type => "test.message";

    public Task HandleAsync(OutboxEnvelope message, CancellationToken ct)
    {
        Calls.AddOrUpdate(message.Id, 1, (_, n) => n + 1);
        var payload = message.Read<TestPayload>();
        if (Failing.Contains(payload.Text)) throw new InvalidOperationException("receiver down");
        return Task.CompletedTask;
    }
}

public sealed record TestPayload(string Text);

public sealed class OutboxTests(OutboxFactory factory) : IClassFixture<OutboxFactory>
{
    private async Task<Guid> WriteAsync(string text, bool commit = true)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var message = scope.ServiceProvider.GetRequiredService<OutboxWriter>().Add("test.message", new TestPayload(text));
            await db.SaveChangesAsync();
            if (commit) await tx.CommitAsync();
            else await tx.RollbackAsync();
            return message.Id;
        });
    }

    private OutboxDispatcher Dispatcher() => factory.Services.GetRequiredService<OutboxDispatcher>();

    private async Task DrainAsync()
    {
        while (await Dispatcher().DispatchOnceAsync(CancellationToken.None) > 0) { }
    }

    private Task<OutboxMessage> ReadAsync(Guid id) => factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    [Fact]
    public async Task A_committed_message_is_delivered_once_and_a_rolled_back_one_never()
    {
        var kept = await WriteAsync("kept");
        var dropped = await WriteAsync("dropped", commit: false);
        await DrainAsync();
        await DrainAsync();

        Assert.Equal(1, factory.Handler.Calls[kept]);
        Assert.False(factory.Handler.Calls.ContainsKey(dropped));
        Assert.NotNull((await ReadAsync(kept)).ProcessedAtMs);
    }

    [Fact]
    public async Task A_failing_receiver_is_retried_with_back_off_then_parked()
    {
        factory.Handler.Failing.Add("flaky");
        var id = await WriteAsync("flaky");

        await DrainAsync();
        var first = await ReadAsync(id);
        Assert.Equal(1, first.Attempts);
        Assert.Null(first.ProcessedAtMs);
        Assert.Equal("receiver down", first.LastError);

        await DrainAsync();
        Assert.Equal(1, factory.Handler.Calls[id]);

        factory.Clock.Advance(TimeSpan.FromSeconds(3));
        await DrainAsync();
        Assert.Equal(2, factory.Handler.Calls[id]);

        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        await DrainAsync();
        var parked = await ReadAsync(id);
        Assert.Equal(3, parked.Attempts);
        Assert.NotNull(parked.DeadAtMs);

        factory.Clock.Advance(TimeSpan.FromHours(2));
        await DrainAsync();
        Assert.Equal(3, factory.Handler.Calls[id]);
        factory.Handler.Failing.Remove("flaky");
    }

    [Fact]
    public async Task In_one_batch_the_messages_delivered_are_marked_done_together_and_only_the_failed_one_is_retried()
    {
        factory.Handler.Failing.Add("batch-bad");
        var good = new List<Guid>();
        for (var i = 0; i < 5; i++) good.Add(await WriteAsync($"batch-good-{i}"));
        var bad = await WriteAsync("batch-bad");

        await DrainAsync();
        foreach (var id in good)
        {
            Assert.Equal(1, factory.Handler.Calls[id]);
            var done = await ReadAsync(id);
            Assert.NotNull(done.ProcessedAtMs);
            Assert.Null(done.LockedUntilMs);
        }
        var failed = await ReadAsync(bad);
        Assert.Null(failed.ProcessedAtMs);
        Assert.Equal("receiver down", failed.LastError);

        factory.Handler.Failing.Remove("batch-bad");
        factory.Clock.Advance(TimeSpan.FromSeconds(3));
        await DrainAsync();
        Assert.Equal(2, factory.Handler.Calls[bad]);
        Assert.NotNull((await ReadAsync(bad)).ProcessedAtMs);
        Assert.All(good, id => Assert.Equal(1, factory.Handler.Calls[id]));
    }

    [Fact]
    public async Task A_message_held_by_a_dead_worker_is_taken_over_after_its_lease()
    {
        var id = await WriteAsync("orphan");
        // A worker claims it and dies before finishing: simulate with a bare claim.
        await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, "dead-worker").SetProperty(m => m.LockedUntilMs, factory.Clock.GetUtcNow().AddMinutes(2).ToUnixTimeMilliseconds()).SetProperty(m => m.Attempts, 1)));

        await DrainAsync();
        Assert.False(factory.Handler.Calls.ContainsKey(id));

        factory.Clock.Advance(TimeSpan.FromMinutes(3));
        await DrainAsync();
        Assert.Equal(1, factory.Handler.Calls[id]);
        Assert.NotNull((await ReadAsync(id)).ProcessedAtMs);
    }

    [Fact]
    public async Task Workers_running_at_once_never_deliver_a_message_twice()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 60; i++) ids.Add(await WriteAsync("parallel-" + i));
        // Two dispatchers, as two instances would have; each claims batches concurrently.
        var second = ActivatorUtilities.CreateInstance<OutboxDispatcher>(factory.Services);
        await Task.WhenAll(Task.Run(DrainAsync), Task.Run(async () => { while (await second.DispatchOnceAsync(CancellationToken.None) > 0) { } }));

        Assert.All(ids, id => Assert.Equal(1, factory.Handler.Calls[id]));
    }
}
