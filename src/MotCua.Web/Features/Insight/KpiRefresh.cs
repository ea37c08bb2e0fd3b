using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Feedback;
using MotCua.Domain.Insight;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Insight.Data;
using MotCua.Web.Features.Payments.Data;
using MotCua.Web.Infrastructure;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Insight;

public sealed class KpiRefreshOptions
{
    public const string Section = "MotCua:Kpis:Refresh";
    public bool Enabled { get; set; } = true;
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Changes younger than this are left for the next round: a transaction still open now may commit an earlier instant.</summary>
    public TimeSpan Lag { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>Changes read per round; a backlog (the first run over years of dossiers) takes several rounds.</summary>
    public int BatchSize { get; set; } = 2000;
    public int MaxRoundsPerRun { get; set; } = 50;
}

/// <summary>
/// Keeps the KPI facts and counters current (docs/adr/0024). A round reads what changed since the watermark — dossier
/// events, paid orders, feedback reports — plus open facts whose due date has passed, recomputes those facts from the
/// aggregates, recomputes the monthly counters of the units and months touched, and moves the watermark, all in one
/// transaction. Its first statement bumps the watermark row, so a second instance waits for the first to commit and
/// then starts from the new watermark: each change is counted by one round. A round that fails rolls back whole and is
/// simply run again, and running it twice gives the same rows (every row is recomputed, never incremented).
/// </summary>
public sealed class KpiRefresh(MotCuaDbContext db, KpiRollup rollup, IOptions<KpiRefreshOptions> options, TimeProvider clock)
{
    private static readonly DateTimeOffset Beginning = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Rounds until caught up (or the round limit); returns the dossiers and reports recomputed.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        await EnsureWatermarkAsync(ct);
        var total = 0;
        for (var i = 0; i < options.Value.MaxRoundsPerRun; i++)
        {
            var (count, more) = await RoundAsync(ct);
            total += count;
            if (!more) break;
        }
        return total;
    }

    private async Task<(int Count, bool More)> RoundAsync(CancellationToken ct)
    {
        var result = (0, false);
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var marks = db.Set<KpiWatermark>().Where(w => w.Name == KpiWatermark.Main);
            // First statement a write: the row lock (SQLite's write lock) serialises instances before anything is read.
            await marks.ExecuteUpdateAsync(s => s.SetProperty(w => w.Version, w => w.Version + 1), ct);
            var mark = await marks.AsNoTracking().SingleAsync(ct);
            var now = clock.GetUtcNow();
            var limit = now - options.Value.Lag;
            var batch = options.Value.BatchSize;

            var events = db.Dossiers.SelectMany(d => d.Events, (d, e) => new Change { Id = d.Id, At = e.At });
            var paid = db.Set<PaymentOrder>().Where(o => o.PaidAt != null).Select(o => new Change { Id = o.DossierId, At = o.PaidAt!.Value });
            var reports = db.Set<FeedbackReport>().Select(r => new Change { Id = r.Id, At = r.UpdatedAt });
            var d = await WindowAsync(events, mark.DossiersAt, limit, batch, ct);
            var p = await WindowAsync(paid, mark.PaymentsAt, limit, batch, ct);
            var f = await WindowAsync(reports, mark.FeedbackAt, limit, batch, ct);
            // Open and in time until a due date that has now passed: overdue without any change of their own.
            var dueDossiers = await db.Set<DossierKpiFact>().Where(x => x.OpenDueAt != null && x.OpenDueAt < now)
                .Select(x => x.DossierId).Take(batch).ToListAsync(ct);
            var dueReports = await db.Set<FeedbackKpiFact>().Where(x => x.OpenDueAt != null && x.OpenDueAt < now)
                .Select(x => x.ReportId).Take(batch).ToListAsync(ct);

            var dossierIds = d.Ids.Concat(p.Ids).Concat(dueDossiers).ToHashSet();
            var reportIds = f.Ids.Concat(dueReports).ToHashSet();
            var touched = new HashSet<(Guid Unit, int Month)>();
            touched.UnionWith(await RefreshDossiersAsync(dossierIds, now, ct));
            touched.UnionWith(await RefreshReportsAsync(reportIds, now, ct));
            await db.SaveChangesAsync(ct);
            await rollup.RecomputeAsync(touched, ct);
            await marks.ExecuteUpdateAsync(s => s.SetProperty(w => w.DossiersAt, d.Mark).SetProperty(w => w.PaymentsAt, p.Mark)
                .SetProperty(w => w.FeedbackAt, f.Mark).SetProperty(w => w.LastRunAt, now), ct);
            await tx.CommitAsync(ct);
            result = (dossierIds.Count + reportIds.Count, d.More || p.More || f.More || dueDossiers.Count == batch || dueReports.Count == batch);
        });
        return result;
    }

    private async Task<IEnumerable<(Guid, int)>> RefreshDossiersAsync(IReadOnlyCollection<Guid> ids, DateTimeOffset now, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var dossiers = await db.Dossiers.AsNoTracking().AsSplitQuery().Where(x => ids.Contains(x.Id)).ToListAsync(ct);
        var orders = (await db.Set<PaymentOrder>().AsNoTracking().Where(o => ids.Contains(o.DossierId))
                .Select(o => new { o.DossierId, o.Amount, o.Status, o.Method }).ToListAsync(ct))
            .ToLookup(o => o.DossierId, o => new KpiPayment(o.Amount, o.Status == PaymentOrderStatus.Exempt,
                o.Status is PaymentOrderStatus.Paid or PaymentOrderStatus.Refunded, o.Method == PaymentMethod.Online));
        var facts = dossiers.Select(x => DossierKpiFact.Of(x, orders[x.Id].ToList(), now)).ToList();
        var existing = await db.Set<DossierKpiFact>().Where(x => ids.Contains(x.DossierId)).ToDictionaryAsync(x => x.DossierId, ct);
        var touched = new List<(Guid, int)>();
        foreach (var fact in facts)
        {
            touched.Add((fact.UnitId, fact.Month));
            if (existing.TryGetValue(fact.DossierId, out var old))
            {
                touched.Add((old.UnitId, old.Month));
                db.Entry(old).CurrentValues.SetValues(fact);
            }
            else db.Add(fact);
        }
        return touched;
    }

    private async Task<IEnumerable<(Guid, int)>> RefreshReportsAsync(IReadOnlyCollection<Guid> ids, DateTimeOffset now, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var reports = await db.Set<FeedbackReport>().AsNoTracking().AsSplitQuery().Where(x => ids.Contains(x.Id)).ToListAsync(ct);
        var existing = await db.Set<FeedbackKpiFact>().Where(x => ids.Contains(x.ReportId)).ToDictionaryAsync(x => x.ReportId, ct);
        var touched = new List<(Guid, int)>();
        foreach (var fact in reports.Select(r => FeedbackKpiFact.Of(r, now)))
        {
            touched.Add((fact.UnitId, fact.Month));
            if (existing.TryGetValue(fact.ReportId, out var old))
            {
                touched.Add((old.UnitId, old.Month));
                db.Entry(old).CurrentValues.SetValues(fact);
            }
            else db.Add(fact);
        }
        return touched;
    }

    /// <summary>
    /// The ids changed after <paramref name="mark"/> up to <paramref name="limit"/>, at most about <paramref name="batch"/>
    /// changes: when there are more, the window ends before the first instant left out, so no instant is ever split
    /// between two rounds (a single instant with more changes than the batch is taken whole).
    /// </summary>
    private static async Task<(List<Guid> Ids, DateTimeOffset Mark, bool More)> WindowAsync(
        IQueryable<Change> changes, DateTimeOffset mark, DateTimeOffset limit, int batch, CancellationToken ct)
    {
        if (limit <= mark) return ([], mark, false);
        var window = changes.Where(c => c.At > mark && c.At <= limit);
        var next = await window.OrderBy(c => c.At).Select(c => (DateTimeOffset?)c.At).Skip(batch).FirstOrDefaultAsync(ct);
        if (next is null) return (await window.Select(c => c.Id).Distinct().ToListAsync(ct), limit, false);
        var before = window.Where(c => c.At < next.Value);
        if (await before.AnyAsync(ct))
            return (await before.Select(c => c.Id).Distinct().ToListAsync(ct), await before.MaxAsync(c => c.At, ct), true);
        return (await window.Where(c => c.At <= next.Value).Select(c => c.Id).Distinct().ToListAsync(ct), next.Value, true);
    }

    private async Task EnsureWatermarkAsync(CancellationToken ct)
    {
        if (await db.Set<KpiWatermark>().AnyAsync(w => w.Name == KpiWatermark.Main, ct)) return;
        db.Add(new KpiWatermark { Name = KpiWatermark.Main, DossiersAt = Beginning, PaymentsAt = Beginning, FeedbackAt = Beginning });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DossierConflicts.IsConflict(e))
        {
            // Another instance created it a moment ago.
        }
        db.ChangeTracker.Clear();
    }

    private sealed class Change
    {
        public Guid Id { get; init; }
        public DateTimeOffset At { get; init; }
    }
}

/// <summary>Runs <see cref="KpiRefresh"/> every minute on each instance (the watermark row makes that safe).</summary>
public sealed class KpiRefreshWatch(IServiceScopeFactory scopes, IOptions<KpiRefreshOptions> options, ILogger<KpiRefreshWatch> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => !options.Value.Enabled ? Task.CompletedTask
        : PeriodicWork.RunAsync(options.Value.Interval, firstRoundNow: true,
            PeriodicWork.InScope<KpiRefresh>(scopes, (job, ct) => job.RunAsync(ct)), log, "KPI refresh", stoppingToken);
}
