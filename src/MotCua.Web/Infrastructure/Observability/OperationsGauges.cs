using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Domain.Insight;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Infrastructure.Observability;

public sealed class OperationsGaugesOptions
{
    public const string Section = "MotCua:Metrics";
    /// <summary>How often the gauges are read from the database.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// The numbers the runbook's alerts watch (docs/operations.md): outbox messages waiting and parked per type, the age of
/// the oldest waiting one, and dossiers past their due date. They live in the database, so one cheap round every
/// <see cref="OperationsGaugesOptions.Interval"/> reads them (both queries follow an index) and a scrape only reads the
/// held numbers: scraping never touches the database. Every instance reports the same database-wide numbers, so alerts
/// take max() across instances rather than sum().
/// </summary>
public sealed class OperationsGauges : BackgroundService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IOptions<OperationsGaugesOptions> _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<OperationsGauges> _log;

    /// <summary>Outbox messages of one type not yet delivered: waiting (retries included), parked, and the oldest's age.</summary>
    public sealed record OutboxState(string Type, long Waiting, long Parked, double OldestSeconds);

    public sealed record Snapshot(IReadOnlyList<OutboxState> Outbox, long OverdueDossiers);

    // One process, one set of gauges: the instruments are created once on the product's meter and read the numbers the
    // last round held (a process hosts one product; tests that host several read the rounds' results directly).
    private static volatile Snapshot Held = new([], 0);

    static OperationsGauges()
    {
        var meter = ObservabilitySetup.Meter;
        meter.CreateObservableGauge("motcua.outbox.waiting", () => PerType(o => o.Waiting), "{message}",
            "Outbox messages not yet delivered (including those waiting for a retry), per type");
        meter.CreateObservableGauge("motcua.outbox.parked", () => PerType(o => o.Parked), "{message}",
            "Outbox messages that gave up (too many attempts, or refused for good) and wait for an administrator, per type");
        meter.CreateObservableGauge("motcua.outbox.oldest_waiting_age", () => PerType(o => o.OldestSeconds), "s",
            "Age of the oldest outbox message not yet delivered, per type");
        meter.CreateObservableGauge("motcua.dossiers.overdue", () => Held.OverdueDossiers, "{dossier}",
            "Dossiers in processing past their due date, in the whole city (from the KPI facts)");
    }

    public OperationsGauges(IServiceScopeFactory scopes, IOptions<OperationsGaugesOptions> options, TimeProvider clock, ILogger<OperationsGauges> log) =>
        (_scopes, _options, _clock, _log) = (scopes, options, clock, log);

    private static IEnumerable<Measurement<T>> PerType<T>(Func<OutboxState, T> value) where T : struct =>
        Held.Outbox.Select(o => new Measurement<T>(value(o), new KeyValuePair<string, object?>("type", o.Type)));

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync(_options.Value.Interval, firstRoundNow: true, ct => ReadAsync(ct), _log, nameof(OperationsGauges), stoppingToken, _clock);

    /// <summary>One round: reads the numbers and holds them for the scrapes until the next round.</summary>
    public async Task<Snapshot> ReadAsync(CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        var now = _clock.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        // Delivered messages stay in the table for the record; the (ProcessedAtMs, AvailableAtMs) index keeps this to
        // the undelivered ones, however many were delivered before.
        var outbox = await db.OutboxMessages.Where(m => m.ProcessedAtMs == null)
            .GroupBy(m => m.Type)
            .Select(g => new
            {
                Type = g.Key,
                Waiting = g.LongCount(m => m.DeadAtMs == null),
                Parked = g.LongCount(m => m.DeadAtMs != null),
                Oldest = g.Where(m => m.DeadAtMs == null).Min(m => (long?)m.CreatedAtMs),
            })
            .ToListAsync(ct);
        // Overdue as the national KPI judges it (the dashboard's overdue list counts the same rows): the KPI refresh keeps
        // each dossier's fact current, a few minutes behind, and turns open facts overdue when their due date passes.
        var overdue = await db.Set<DossierKpiFact>().LongCountAsync(f => f.Outcome == KpiOutcome.OpenOverdue, ct);
        var states = outbox.Select(o => new OutboxState(o.Type, o.Waiting, o.Parked, o.Oldest is { } ms ? Math.Max(0, nowMs - ms) / 1000.0 : 0)).ToList();
        // A type whose messages were all delivered reads 0 rather than vanishing, so an alert sees the backlog clear.
        states.AddRange(Held.Outbox.Where(h => states.All(s => s.Type != h.Type)).Select(h => new OutboxState(h.Type, 0, 0, 0)));
        var snapshot = new Snapshot(states, overdue);
        Held = snapshot;
        return snapshot;
    }
}
