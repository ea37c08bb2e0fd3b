using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Features.Audit;

internal static class AuditModel
{
    public const int MaxText = 500;

    public static void Configure(ModelBuilder b)
    {
        b.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.HasKey(x => x.Sequence);
            e.Property(x => x.Sequence).ValueGeneratedOnAdd();
            e.Property(x => x.ActorKind).HasMaxLength(16);
            e.Property(x => x.ActorId).HasMaxLength(64);
            e.Property(x => x.ActorName).HasMaxLength(200);
            e.Property(x => x.Action).HasMaxLength(64);
            e.Property(x => x.ObjectType).HasMaxLength(32);
            e.Property(x => x.ObjectId).HasMaxLength(64);
            e.Property(x => x.ObjectLabel).HasMaxLength(200);
            e.Property(x => x.ClientIp).HasMaxLength(64);
            e.Property(x => x.UserAgent).HasMaxLength(200);
            e.Property(x => x.Reason).HasMaxLength(MaxText);
            e.Property(x => x.Outcome).HasMaxLength(16);
            e.Property(x => x.Detail).HasMaxLength(200);
            // The searches: by object (a dossier's history of reads and actions), by actor, by time.
            e.HasIndex(x => new { x.ObjectId, x.Sequence });
            e.HasIndex(x => new { x.ActorId, x.Sequence });
            e.HasIndex(x => x.At);
            e.HasMany(x => x.Units).WithOne().HasForeignKey(u => u.EntrySequence).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<AuditEntryUnit>(e =>
        {
            e.ToTable("audit_entry_units");
            e.HasKey(x => new { x.EntrySequence, x.UnitId });
            // A supervisor's search: entries of their units, newest first.
            e.HasIndex(x => new { x.UnitId, x.EntrySequence });
        });
        b.Entity<AuditSeal>(e =>
        {
            e.ToTable("audit_seals");
            e.HasKey(x => x.Position);
            e.Property(x => x.Position).ValueGeneratedNever();
            // One link per entry: a second sealer racing the first fails here instead of sealing twice.
            e.HasIndex(x => x.EntrySequence).IsUnique();
            e.Property(x => x.Hash).HasMaxLength(32);
        });
    }
}
