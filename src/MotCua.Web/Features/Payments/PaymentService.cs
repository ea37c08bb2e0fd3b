using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Payments;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Payments.Data;
using MotCua.Web.Infrastructure;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Payments;

/// <summary>Why a payment action was not done: a localisation key, and the form field it belongs next to.</summary>
public sealed class PaymentProblem(string field, string key) : Exception(key)
{
    public string Field { get; } = field;
    public string Key { get; } = key;
}

/// <summary>Everything about a dossier's money, for its pages.</summary>
public sealed record PaymentView(DossierFee Fee, IReadOnlyList<PaymentOrder> Orders, IReadOnlyList<PaymentReceipt> Receipts, IReadOnlyList<PaymentRefund> Refunds)
{
    public bool PaidOnline => Orders.Any(o => o.Method == PaymentMethod.Online && o.Status is PaymentOrderStatus.Paid or PaymentOrderStatus.Refunded);
    public IEnumerable<PaymentOrder> Due => Orders.Where(o => o.Status == PaymentOrderStatus.Due);
}

/// <summary>
/// Payment orders, attempts at the gateway, receipts and cash at the counter. Every change that settles money is one
/// transaction that starts with a conditional update (from "due" or "pending" only): whoever runs it second — a
/// duplicate IPN, a concurrent one, the reconciliation job on another instance — changes nothing and is told so.
/// </summary>
public sealed partial class PaymentService(
    MotCuaDbContext db, FeeService fees, DossierService dossiers, ReceiptNumbers numbers, IAuditLog audit, TimeProvider clock, ILogger<PaymentService> log)
{
    /// <summary>The dossier's fee (fixed now if filing did not), its orders (one per open status-6 request too), receipts and refunds.</summary>
    public async Task<PaymentView> ViewAsync(Dossier dossier, CancellationToken ct)
    {
        var fee = await fees.FixedAsync(dossier, ct);
        await EnsureRequestOrdersAsync(dossier, ct);
        var orders = await db.Set<PaymentOrder>().AsNoTracking().Where(o => o.DossierId == dossier.Id).OrderBy(o => o.RequestIndex).ToListAsync(ct);
        var receipts = await db.Set<PaymentReceipt>().AsNoTracking().Where(r => r.DossierId == dossier.Id).OrderBy(r => r.IssuedAt).ToListAsync(ct);
        var refunds = await db.Set<PaymentRefund>().AsNoTracking().Where(r => r.DossierId == dossier.Id).ToListAsync(ct);
        return new(fee, orders, receipts, refunds);
    }

    /// <summary>Whether the dossier was paid online (a Decision 766 indicator): any order settled through the gateway.</summary>
    public static IQueryable<Guid> PaidOnlineDossiers(MotCuaDbContext db) =>
        db.Set<PaymentOrder>().Where(o => o.Method == PaymentMethod.Online && (o.Status == PaymentOrderStatus.Paid || o.Status == PaymentOrderStatus.Refunded))
            .Select(o => o.DossierId).Distinct();

    public Task<bool> PaidOnlineAsync(Guid dossierId, CancellationToken ct) => PaidOnlineDossiers(db).AnyAsync(id => id == dossierId, ct);

    /// <summary>An order the applicant may pay now: due, and the dossier still open.</summary>
    public static bool Payable(Dossier dossier, PaymentOrder order) => order.Status == PaymentOrderStatus.Due && !dossier.Status.IsClosed();

    private async Task EnsureRequestOrdersAsync(Dossier dossier, CancellationToken ct)
    {
        var have = await db.Set<PaymentOrder>().AsNoTracking().Where(o => o.DossierId == dossier.Id && o.RequestIndex >= 0).Select(o => o.RequestIndex).ToListAsync(ct);
        // A request settled by the dossier action "payment-received" (a receipt number typed by the counter) is paid here too.
        foreach (var (request, index) in dossier.Payments.Select((p, i) => (p, i)).Where(x => x.p.PaidAt is not null && have.Contains(x.i)))
        {
            await db.Set<PaymentOrder>().Where(o => o.DossierId == dossier.Id && o.RequestIndex == index && o.Status == PaymentOrderStatus.Due)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, PaymentOrderStatus.Paid).SetProperty(o => o.Method, PaymentMethod.Counter)
                    .SetProperty(o => o.PaidAt, request.PaidAt).SetProperty(o => o.Reference, request.PaymentReference), ct);
        }
        var missing = dossier.Payments.Select((p, i) => (p, i)).Where(x => x.p.PaidAt is null && !have.Contains(x.i)).ToList();
        if (missing.Count == 0) return;
        foreach (var (request, index) in missing)
        {
            db.Add(new PaymentOrder
            {
                Id = Guid.NewGuid(), DossierId = dossier.Id, RequestIndex = index, Amount = request.Amount, Description = request.Reason,
                CreatedAt = clock.GetUtcNow(),
            });
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DossierConflicts.IsConflict(e))
        {
            // Opened twice at once: the other request made the orders.
            foreach (var entry in db.ChangeTracker.Entries<PaymentOrder>().Where(e => e.State == EntityState.Added).ToList()) entry.State = EntityState.Detached;
        }
    }

    /// <summary>A new attempt at the gateway for a due order: its own vnp_TxnRef, recorded before the payer leaves.</summary>
    public async Task<PaymentAttempt> StartAttemptAsync(Dossier dossier, Guid orderId, CancellationToken ct)
    {
        var order = await db.Set<PaymentOrder>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId && o.DossierId == dossier.Id, ct)
            ?? throw new PaymentProblem("order", "payments.error.noorder");
        if (!Payable(dossier, order)) throw new PaymentProblem("order", "payments.error.notdue");
        var now = clock.GetUtcNow();
        var attempt = new PaymentAttempt { Id = Guid.NewGuid(), OrderId = order.Id, TxnRef = NewTxnRef(now), Amount = order.Amount, CreatedAt = now };
        db.Add(attempt);
        audit.Stage(Record("payment.online-start", dossier, attempt.TxnRef, $"{order.Amount} VND"));
        await db.SaveChangesAsync(ct);
        return attempt;
    }

    /// <summary>What the payer's browser shows in vnp_OrderInfo: Vietnamese without accents, as VNPay asks.</summary>
    public static string OrderInfo(Dossier dossier) => $"Thanh toan phi le phi ho so {dossier.Code ?? dossier.Reference}";

    /// <summary>Date, time and random letters: unique (the index guards it), and readable on a bank statement.</summary>
    private static string NewTxnRef(DateTimeOffset now)
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        Span<char> random = stackalloc char[8];
        for (var i = 0; i < random.Length; i++) random[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        return $"MC{VnPayGateway.Format(now)}{random}";
    }

    private static AuditRecord Record(string action, Dossier dossier, string? reference, string? detail, string? reason = null) =>
        new(action, DossierRecords.Object(dossier), DossierRecords.Units(dossier), reason) { Detail = reference is null ? detail : $"{reference} {detail}".Trim() };

    /// <summary>A receipt for the order just paid, numbered in this year's sequence (call inside the payment's transaction).</summary>
    private async Task<PaymentReceipt> IssueReceiptAsync(PaymentOrder order, Dossier dossier, PaymentMethod method, string? reference, string issuedBy, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var year = VietnamTime.Today(clock).Year;
        var (sequence, number) = await numbers.NextAsync(year, ct);
        var receipt = new PaymentReceipt
        {
            Id = Guid.NewGuid(), OrderId = order.Id, DossierId = dossier.Id, Year = year, Sequence = sequence, Number = number, Amount = order.Amount,
            Method = method, PayerName = dossier.Owner.FullName, Description = order.Description, Reference = reference, IssuedAt = now, IssuedBy = issuedBy,
        };
        db.Add(receipt);
        return receipt;
    }

    /// <summary>A paid status-6 request resumes processing in the same transaction that counted the payment.</summary>
    private static void Resume(Dossier dossier, PaymentOrder order, string reference, Actor by, DateTimeOffset now)
    {
        if (order.RequestIndex >= 0 && dossier.Status == DossierStatus.PaymentRequested && order.RequestIndex == dossier.Payments.Count - 1)
            dossier.PaymentReceived(reference, by, now);
    }

    private void Log(string what, string txnRef, string detail) =>
        log.LogWarning("VNPay {What} for transaction {TxnRef}: {Detail}", what, txnRef, detail);
}
