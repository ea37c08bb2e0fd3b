using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Infrastructure.Outbox;

internal static class OutboxModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox_messages");
            e.Property(m => m.Type).HasMaxLength(100);
            e.Property(m => m.DedupeKey).HasMaxLength(200);
            e.Property(m => m.LockedBy).HasMaxLength(100);
            e.HasIndex(m => m.DedupeKey).IsUnique();
            // The claim query's path: pending messages in order of availability.
            e.HasIndex(m => new { m.ProcessedAtMs, m.AvailableAtMs });
        });
    }
}
