using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Payments.Data;
using MotCua.Web.Infrastructure;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Payments;

/// <summary>
/// The background side of payments, safe on several instances at once: (1) reconciliation — attempts without an IPN
/// after <see cref="VnPayOptions.ReconcileAfter"/> are asked about with querydr; each instance first claims the attempt
/// with a conditional update of its query time, so one instance asks per interval, and the settlement itself counts
/// once whoever runs it; (2) refunds — paid orders of dossiers refused at reception or rejected get one refund
/// (a unique index per order), sent to the gateway when they were paid online.
/// </summary>
public sealed class PaymentJobs(MotCuaDbContext db, PaymentService payments, VnPayGateway gateway, IAuditLog audit,
    IOptions<VnPayOptions> options, TimeProvider clock, ILogger<PaymentJobs> log)
{
    public async Task<int> ReconcileAsync(CancellationToken ct)
    {
        if (!gateway.Available) return 0;
        var o = options.Value;
        var now = clock.GetUtcNow();
        var olderThan = now - o.ReconcileAfter;
        var queriedBefore = now - o.ReconcileInterval;
        var due = await db.Set<PaymentAttempt>().AsNoTracking()
            .Where(a => a.Status == AttemptStatus.Pending && a.CreatedAt <= olderThan && (a.LastQueriedAt == null || a.LastQueriedAt <= queriedBefore))
            .OrderBy(a => a.CreatedAt).Take(o.BatchSize).ToListAsync(ct);
        var settled = 0;
        foreach (var attempt in due)
        {
            var claimed = await db.Set<PaymentAttempt>().Where(a => a.Id == attempt.Id && a.Status == AttemptStatus.Pending && a.LastQueriedAt == attempt.LastQueriedAt)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.LastQueriedAt, now).SetProperty(a => a.Queries, a => a.Queries + 1), ct);
            if (claimed == 0) continue; // another instance is asking about it
            var dossier = await db.Dossiers.AsNoTracking().Where(d => d.Id == db.Set<PaymentOrder>().Where(p => p.Id == attempt.OrderId).Select(p => p.DossierId).First())
                .Select(d => new { d.Code, d.Reference }).FirstAsync(ct);
            GatewayResult? answer;
            try
            {
                answer = await gateway.QueryAsync(attempt.TxnRef, attempt.CreatedAt, $"Truy van giao dich {attempt.TxnRef} ho so {dossier.Code ?? dossier.Reference}", ct);
            }
            catch (HttpRequestException e)
            {
                log.LogWarning(e, "VNPay querydr for {TxnRef} did not answer; asked again later", attempt.TxnRef);
                continue;
            }
            if (answer is null) { log.LogWarning("VNPay querydr for {TxnRef}: no signed answer", attempt.TxnRef); continue; }
            if (answer.ResponseCode == "00" && answer.Amount != attempt.Amount * 100)
            {
                log.LogWarning("VNPay querydr for {TxnRef}: amount {Amount} does not match", attempt.TxnRef, answer.Amount);
                continue;
            }
            // Settled by the gateway's word: paid, or over (not paid, or never paid and past the give-up time).
            var over = answer.ResponseCode == "00" ? answer.TransactionStatus != "01" : attempt.CreatedAt <= now - o.GiveUpAfter;
            if (answer.Succeeded || over)
            {
                var result = answer.ResponseCode == "00" ? answer : answer with { TransactionStatus = "02" };
                if (await payments.SettleAsync(attempt, result, "querydr", ct) == SettleOutcome.Paid) settled++;
            }
        }
        return settled;
    }

    /// <summary>Records (and sends to the gateway) one refund per paid order of a refused or rejected dossier.</summary>
    public async Task<int> RefundAsync(CancellationToken ct)
    {
        var orders = await db.Set<PaymentOrder>().AsNoTracking()
            .Where(p => p.Status == PaymentOrderStatus.Paid && db.Dossiers.Any(d => d.Id == p.DossierId && (d.Status == DossierStatus.Refused || d.Decision == Decision.Rejected)))
            .Where(p => !db.Set<PaymentRefund>().Any(r => r.OrderId == p.Id))
            .Take(options.Value.BatchSize).ToListAsync(ct);
        var done = 0;
        foreach (var order in orders)
        {
            var dossier = await db.Dossiers.AsNoTracking().Include(d => d.Tasks).FirstAsync(d => d.Id == order.DossierId, ct);
            var refund = new PaymentRefund
            {
                Id = Guid.NewGuid(), OrderId = order.Id, DossierId = order.DossierId, Amount = order.Amount, RecordedAt = clock.GetUtcNow(),
                Reason = dossier.Status == DossierStatus.Refused ? "Hồ sơ không được tiếp nhận" : "Hồ sơ không được giải quyết",
            };
            try
            {
                db.Add(refund);
                await db.Set<PaymentOrder>().Where(p => p.Id == order.Id && p.Status == PaymentOrderStatus.Paid)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PaymentOrderStatus.Refunded), ct);
                audit.Stage(new AuditRecord("payment.refund", DossierRecords.Object(dossier), DossierRecords.Units(dossier), refund.Reason) { Detail = $"{order.Amount} VND" });
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (Dossiers.DossierConflicts.IsConflict(e))
            {
                db.ChangeTracker.Clear(); // another instance recorded it
                continue;
            }
            done++;
            if (order.Method == PaymentMethod.Online) await SendAsync(order, refund, ct);
        }
        return done;
    }

    private async Task SendAsync(PaymentOrder order, PaymentRefund refund, CancellationToken ct)
    {
        var attempt = await db.Set<PaymentAttempt>().AsNoTracking().FirstOrDefaultAsync(a => a.OrderId == order.Id && a.Status == AttemptStatus.Succeeded, ct);
        if (attempt is null || !gateway.Available) return;
        string? code;
        try
        {
            code = await gateway.RefundAsync(attempt.TxnRef, order.Amount, attempt.GatewayTransactionNo, order.PaidAt ?? attempt.CreatedAt,
                $"Hoan tien ho so bi tu choi {attempt.TxnRef}", "motcua", ct);
        }
        catch (HttpRequestException e)
        {
            log.LogWarning(e, "VNPay refund of {TxnRef} did not answer; the refund stays recorded for the accountant", attempt.TxnRef);
            return;
        }
        await db.Set<PaymentRefund>().Where(r => r.Id == refund.Id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, code == "00" ? RefundStatus.Refunded : RefundStatus.Failed).SetProperty(r => r.GatewayResponseCode, code), ct);
    }
}

/// <summary>Runs the reconciliation and the refunds every <see cref="VnPayOptions.ReconcileInterval"/> on each instance.</summary>
public sealed class PaymentWatch(IServiceScopeFactory scopes, IOptions<VnPayOptions> options, ILogger<PaymentWatch> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => !options.Value.JobEnabled ? Task.CompletedTask
        : PeriodicWork.RunAsync(options.Value.ReconcileInterval, firstRoundNow: false, PeriodicWork.InScope<PaymentJobs>(scopes, async (jobs, ct) =>
        {
            await jobs.ReconcileAsync(ct);
            await jobs.RefundAsync(ct);
        }), log, "Payment reconciliation", stoppingToken);
}
