using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Payments;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Payments.Data;

namespace MotCua.Web.Features.Payments;

public enum SettleOutcome { Paid, FailureRecorded, AlreadyDone, PaidTwice }

// How the gateway's word becomes money counted: from the IPN (the only call that confirms a payment) or from the
// reconciliation job's querydr when the IPN never came. Both go through SettleAsync.
public sealed partial class PaymentService
{
    /// <summary>
    /// The IPN: signature, order, amount, then the settlement. Answers VNPay's documented RspCode. Refusals are logged
    /// (the reference and the reason, never the secret or the hash) and audited.
    /// </summary>
    public async Task<string> HandleIpnAsync(GatewayResult? result, CancellationToken ct)
    {
        try
        {
            if (result is null)
            {
                log.LogWarning("VNPay IPN refused: the signature does not match");
                await audit.WriteAsync(Refused("payment.ipn", null, null, VnPayRspCodes.InvalidSignature), ct);
                return VnPayRspCodes.InvalidSignature;
            }
            var attempt = await db.Set<PaymentAttempt>().AsNoTracking().FirstOrDefaultAsync(a => a.TxnRef == result.TxnRef, ct);
            if (attempt is null)
            {
                Log("IPN for an unknown order", result.TxnRef, "01");
                await audit.WriteAsync(Refused("payment.ipn", null, result.TxnRef, VnPayRspCodes.OrderNotFound), ct);
                return VnPayRspCodes.OrderNotFound;
            }
            if (result.Amount != attempt.Amount * 100)
            {
                Log("IPN amount mismatch", result.TxnRef, $"expected {attempt.Amount * 100}, got {result.Amount}");
                await audit.WriteAsync(Refused("payment.ipn", attempt, result.TxnRef, VnPayRspCodes.InvalidAmount), ct);
                return VnPayRspCodes.InvalidAmount;
            }
            return await SettleAsync(attempt, result, "ipn", ct) is SettleOutcome.Paid or SettleOutcome.FailureRecorded
                ? VnPayRspCodes.Confirmed : VnPayRspCodes.AlreadyConfirmed;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "VNPay IPN for {TxnRef} failed", result?.TxnRef);
            return VnPayRspCodes.Unknown;
        }
    }

    /// <summary>
    /// Counts the gateway's outcome once. A success turns the attempt (pending or failed: a late success wins, money was
    /// taken) and then its order (due only) into paid, issues the receipt, resumes a status-6 dossier; a failure only
    /// marks a pending attempt failed, so a stale failure arriving after the success changes nothing.
    /// </summary>
    public async Task<SettleOutcome> SettleAsync(PaymentAttempt attempt, GatewayResult result, string via, CancellationToken ct)
    {
        var outcome = SettleOutcome.AlreadyDone;
        await dossiers.InTransactionAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow();
            var attempts = db.Set<PaymentAttempt>().Where(a => a.Id == attempt.Id);
            // The first statement writes, so SQLite takes its write lock before anything is read.
            var changed = result.Succeeded
                ? await attempts.Where(a => a.Status != AttemptStatus.Succeeded).ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.Status, AttemptStatus.Succeeded).SetProperty(a => a.ResponseCode, result.ResponseCode)
                    .SetProperty(a => a.TransactionStatus, result.TransactionStatus).SetProperty(a => a.GatewayTransactionNo, result.TransactionNo)
                    .SetProperty(a => a.BankCode, result.BankCode).SetProperty(a => a.PayDate, result.PayDate)
                    .SetProperty(a => a.SettledAt, now).SetProperty(a => a.SettledBy, via), ct)
                : await attempts.Where(a => a.Status == AttemptStatus.Pending).ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.Status, AttemptStatus.Failed).SetProperty(a => a.ResponseCode, result.ResponseCode)
                    .SetProperty(a => a.TransactionStatus, result.TransactionStatus).SetProperty(a => a.SettledAt, now).SetProperty(a => a.SettledBy, via), ct);
            if (changed == 0)
            {
                outcome = SettleOutcome.AlreadyDone;
                return;
            }
            var order = await db.Set<PaymentOrder>().AsNoTracking().FirstAsync(o => o.Id == attempt.OrderId, ct);
            var dossier = await dossiers.LoadAsync(order.DossierId, ct);
            if (!result.Succeeded)
            {
                audit.Stage(Record("payment.online-failed", dossier, attempt.TxnRef, $"vnp_ResponseCode {result.ResponseCode} ({via})"));
                await db.SaveChangesAsync(ct);
                outcome = SettleOutcome.FailureRecorded;
                return;
            }
            var paid = await db.Set<PaymentOrder>().Where(o => o.Id == order.Id && o.Status == PaymentOrderStatus.Due).ExecuteUpdateAsync(s => s
                .SetProperty(o => o.Status, PaymentOrderStatus.Paid).SetProperty(o => o.Method, PaymentMethod.Online)
                .SetProperty(o => o.PaidAt, now).SetProperty(o => o.Reference, attempt.TxnRef), ct);
            if (paid == 0)
            {
                // The order was settled by another attempt (or in cash, or exempted): this money came in twice.
                Log("second payment of a settled order", attempt.TxnRef, "needs a refund");
                audit.Stage(Record("payment.online-paid-twice", dossier, attempt.TxnRef, $"{attempt.Amount} VND ({via})"));
                await db.SaveChangesAsync(ct);
                outcome = SettleOutcome.PaidTwice;
                return;
            }
            var receipt = await IssueReceiptAsync(order, dossier, PaymentMethod.Online, attempt.TxnRef, "VNPay", ct);
            Resume(dossier, order, receipt.Number, Actor.System, now);
            audit.Stage(Record("payment.online-paid", dossier, attempt.TxnRef, $"{order.Amount} VND, {receipt.Number} ({via})"));
            await dossiers.SaveAsync(dossier, ct);
            outcome = SettleOutcome.Paid;
        }, ct);
        return outcome;
    }

    /// <summary>Cash at the counter: the order paid, a receipt, and a status-6 dossier resumed, in one transaction.</summary>
    public async Task<PaymentReceipt> RecordCashAsync(Dossier dossier, Guid orderId, Actor officer, CancellationToken ct)
    {
        PaymentReceipt? receipt = null;
        await dossiers.InTransactionAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var paid = await db.Set<PaymentOrder>().Where(o => o.Id == orderId && o.DossierId == dossier.Id && o.Status == PaymentOrderStatus.Due)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, PaymentOrderStatus.Paid).SetProperty(o => o.Method, PaymentMethod.Counter)
                    .SetProperty(o => o.PaidAt, now), ct);
            if (paid == 0) throw new PaymentProblem("order", "payments.error.notdue");
            var order = await db.Set<PaymentOrder>().AsNoTracking().FirstAsync(o => o.Id == orderId, ct);
            receipt = await IssueReceiptAsync(order, dossier, PaymentMethod.Counter, null, officer.Name, ct);
            await db.Set<PaymentOrder>().Where(o => o.Id == orderId).ExecuteUpdateAsync(s => s.SetProperty(o => o.Reference, receipt.Number), ct);
            Resume(dossier, order, receipt.Number, officer, now);
            audit.Stage(Record("payment.cash", dossier, receipt.Number, $"{order.Amount} VND"));
            await dossiers.SaveAsync(dossier, ct);
        }, ct);
        return receipt!;
    }

    /// <summary>
    /// The filing fee waived, with its reason (recorded by the counter officer, or the applicant's claim confirmed):
    /// the filing order becomes exempt. A fee already paid is not waived here; it is refunded if the dossier is refused.
    /// </summary>
    public async Task ExemptAsync(Dossier dossier, string? reason, Actor officer, CancellationToken ct)
    {
        if (FeeDue.ReasonProblem(reason) is not null) throw new PaymentProblem("reason", "payments.error.reason");
        await fees.FixedAsync(dossier, ct);
        await dossiers.InTransactionAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var paid = await db.Set<PaymentOrder>().AnyAsync(o => o.DossierId == dossier.Id && o.RequestIndex == PaymentOrder.FilingFee
                && o.Status != PaymentOrderStatus.Due && o.Status != PaymentOrderStatus.Exempt, ct);
            if (paid) throw new PaymentProblem("reason", "payments.error.alreadypaid");
            await db.Set<DossierFee>().Where(f => f.DossierId == dossier.Id).ExecuteUpdateAsync(s => s
                .SetProperty(f => f.Exemption, ExemptionState.Confirmed).SetProperty(f => f.ExemptionReason, reason!.Trim())
                .SetProperty(f => f.ExemptedBy, $"{officer.Id} {officer.Name}").SetProperty(f => f.ExemptedAt, now), ct);
            await db.Set<PaymentOrder>().Where(o => o.DossierId == dossier.Id && o.RequestIndex == PaymentOrder.FilingFee && o.Status == PaymentOrderStatus.Due)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, PaymentOrderStatus.Exempt), ct);
            audit.Stage(Record("payment.exempt", dossier, null, null, reason!.Trim()));
            await db.SaveChangesAsync(ct);
        }, ct);
    }

    private static AuditRecord Refused(string action, PaymentAttempt? attempt, string? txnRef, string code) =>
        new(action, new AuditObject("payment", attempt?.OrderId.ToString(), txnRef), []) { Refused = true, Detail = "RspCode " + code };
}
