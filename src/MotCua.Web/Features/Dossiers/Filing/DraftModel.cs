using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure.Privacy;

namespace MotCua.Web.Features.Dossiers.Filing;

internal static class DraftModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<DossierDraft>(e =>
        {
            e.ToTable("dossier_drafts");
            e.HasKey(d => d.Id);
            e.Property(d => d.OwnerIdNumber).HasMaxLength(PersonalDataColumn.Length).HasConversion(PersonalData.Converter);
            e.Property(d => d.ProcedureCode).HasMaxLength(64);
            e.Property(d => d.IdempotencyKey).HasMaxLength(100);
            e.HasIndex(d => d.IdempotencyKey).IsUnique();
            e.HasIndex(d => new { d.OwnerIdNumber, d.UpdatedAt });
            e.HasMany(d => d.Attachments).WithOne().HasForeignKey(a => a.DraftId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<DraftAttachment>(e =>
        {
            e.ToTable("dossier_draft_attachments");
            e.HasKey(a => a.FileId);
            e.Property(a => a.FileId).ValueGeneratedNever();
            e.Property(a => a.DocumentKey).HasMaxLength(100);
            e.Property(a => a.FileName).HasMaxLength(200);
            e.Property(a => a.ContentType).HasMaxLength(200);
            e.Property(a => a.Sha256).HasMaxLength(64);
        });
    }
}
