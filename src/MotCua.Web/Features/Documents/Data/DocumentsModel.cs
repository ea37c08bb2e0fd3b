using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Features.Documents.Data;

internal static class DocumentsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<IssuedDocument>(e =>
        {
            e.ToTable("issued_documents");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.DossierCode).HasMaxLength(64);
            e.Property(x => x.UnitName).HasMaxLength(300);
            e.Property(x => x.HolderMasked).HasMaxLength(200);
            e.Property(x => x.Sha256).HasMaxLength(64).IsFixedLength();
            e.Property(x => x.ContentKey).HasMaxLength(64);
            e.Property(x => x.SignerName).HasMaxLength(300);
            e.Property(x => x.SignerUnit).HasMaxLength(300);
            e.Property(x => x.SignerCertificate).HasMaxLength(64);
            e.Ignore(x => x.IsSigned);
            // A dossier's documents; and one issued slip per content (NULLs, i.e. other kinds, never collide).
            e.HasIndex(x => new { x.DossierId, x.Kind, x.ContentKey }).IsUnique();
        });
        b.Entity<DemoSigningKey>(e =>
        {
            e.ToTable("demo_signing_keys");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.ProtectedKey).HasMaxLength(8000);
        });
    }
}
