using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Features.Catalog.Data;

internal static class CatalogModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Procedure>(e =>
        {
            e.ToTable("procedures");
            e.Property(p => p.NationalCode).HasMaxLength(64);
            e.HasIndex(p => p.NationalCode).IsUnique();
            e.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.ProcedureId);
        });
        b.Entity<ProcedureVersion>(e =>
        {
            e.ToTable("procedure_versions");
            e.Property(v => v.Status).HasConversion<string>().HasMaxLength(16);
            // Official procedure names run past 1,000 characters (1.013980 has 1,094): no length limit on them.
            e.Property(v => v.Levels).HasMaxLength(100);
            e.Property(v => v.UnitKinds).HasMaxLength(200);
            e.Property(v => v.CreatedBy).HasMaxLength(200);
            e.Property(v => v.PublishedBy).HasMaxLength(200);
            e.HasIndex(v => new { v.ProcedureId, v.Number }).IsUnique();
            e.HasIndex(v => v.Status);
        });
        b.Entity<CatalogState>(e =>
        {
            e.ToTable("catalog_state");
            e.Property(s => s.Id).ValueGeneratedNever();
            e.HasData(new CatalogState { Id = 1, Revision = 0 });
        });
    }
}
