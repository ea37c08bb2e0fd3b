using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Features.Payments.Data;

internal static class PaymentsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<DossierFee>(e =>
        {
            e.ToTable("dossier_fees");
            e.HasKey(f => f.DossierId);
            e.Property(f => f.ExemptionReason).HasMaxLength(500);
            e.Property(f => f.ExemptedBy).HasMaxLength(300);
        });
        b.Entity<PaymentOrder>(e =>
        {
            e.ToTable("payment_orders");
            e.HasKey(o => o.Id);
            // One order per filing fee and per status-6 request: two pages opening it at once create one.
            e.HasIndex(o => new { o.DossierId, o.RequestIndex }).IsUnique();
            e.Property(o => o.Description).HasMaxLength(500);
            e.Property(o => o.Reference).HasMaxLength(100);
        });
        b.Entity<PaymentAttempt>(e =>
        {
            e.ToTable("payment_attempts");
            e.HasKey(a => a.Id);
            e.HasIndex(a => a.TxnRef).IsUnique();
            e.HasIndex(a => new { a.Status, a.CreatedAt });
            e.HasIndex(a => a.OrderId);
            e.Property(a => a.TxnRef).HasMaxLength(100);
            e.Property(a => a.ResponseCode).HasMaxLength(8);
            e.Property(a => a.TransactionStatus).HasMaxLength(8);
            e.Property(a => a.GatewayTransactionNo).HasMaxLength(32);
            e.Property(a => a.BankCode).HasMaxLength(20);
            e.Property(a => a.PayDate).HasMaxLength(14);
            e.Property(a => a.SettledBy).HasMaxLength(16);
        });
        b.Entity<PaymentReceipt>(e =>
        {
            e.ToTable("payment_receipts");
            e.HasKey(r => r.Id);
            // The last guard of "counts once": a second receipt for the same order cannot be written.
            e.HasIndex(r => r.OrderId).IsUnique();
            e.HasIndex(r => r.Number).IsUnique();
            e.HasIndex(r => r.DossierId);
            e.Property(r => r.Number).HasMaxLength(32);
            e.Property(r => r.PayerName).HasMaxLength(200);
            e.Property(r => r.Description).HasMaxLength(500);
            e.Property(r => r.Reference).HasMaxLength(100);
            e.Property(r => r.IssuedBy).HasMaxLength(300);
        });
        b.Entity<PaymentRefund>(e =>
        {
            e.ToTable("payment_refunds");
            e.HasKey(r => r.Id);
            e.HasIndex(r => r.OrderId).IsUnique();
            e.HasIndex(r => r.DossierId);
            e.Property(r => r.Reason).HasMaxLength(2000);
            e.Property(r => r.GatewayResponseCode).HasMaxLength(8);
        });
    }
}
