using MotCua.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MotCua.Web.Features.Delivery.Data;

/// <summary>The Delivery module's tables: the applicant's choice, the postal shipments and the callbacks taken.</summary>
public static class DeliveryModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<DeliveryChoice>(e =>
        {
            e.ToTable("delivery_choices");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.DossierId).IsUnique();
            e.HasIndex(x => x.DraftId).IsUnique();
            e.Property(x => x.Method).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Area).HasConversion<string>().HasMaxLength(16);
            e.OwnsOne(x => x.Receiver, Receiver);
        });
        b.Entity<PostalShipment>(e =>
        {
            e.ToTable("postal_shipments");
            e.HasKey(x => x.Id);
            e.Property(x => x.OrderNumber).HasMaxLength(80);
            e.HasIndex(x => x.OrderNumber).IsUnique();
            e.Property(x => x.ItemCode).HasMaxLength(40);
            e.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.FailureReason).HasMaxLength(500);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.DossierId);
            // The counter's list of failures and the reconciler's scan of quiet shipments.
            e.HasIndex(x => new { x.UnitId, x.State });
            e.HasIndex(x => new { x.State, x.CheckedAt });
            e.OwnsOne(x => x.Receiver, Receiver);
            e.Navigation(x => x.Receiver).IsRequired();
        });
        b.Entity<PostalCallbackReceipt>(e =>
        {
            e.ToTable("postal_callbacks");
            e.HasKey(x => x.EventId);
            e.Property(x => x.EventId).HasMaxLength(100);
        });
    }

    private static void Receiver<T>(OwnedNavigationBuilder<T, PostalReceiver> r) where T : class
    {
        r.Property(x => x.Name).HasMaxLength(100);
        // Protected at rest like every personal phone number (docs/adr/0023).
        r.Property(x => x.Phone).HasMaxLength(PersonalDataColumn.Length).HasConversion(PersonalData.Converter);
        r.Property(x => x.Street).HasMaxLength(200);
        r.Property(x => x.Commune).HasMaxLength(100);
        r.Property(x => x.Province).HasMaxLength(100);
    }
}
