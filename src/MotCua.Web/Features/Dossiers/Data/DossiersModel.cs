using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Features.Dossiers.Data;

internal static class DossiersModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<DossierCodeSequence>(e =>
        {
            e.ToTable("dossier_code_sequences");
            e.HasKey(s => new { s.AgencyCode, s.Day });
            e.Property(s => s.AgencyCode).HasMaxLength(32);
        });
        b.Entity<DossierSubmission>(e =>
        {
            e.ToTable("dossier_submissions");
            e.HasKey(s => s.IdempotencyKey);
            e.Property(s => s.IdempotencyKey).HasMaxLength(100);
        });
        DossierMapping.Configure(b);
        Filing.DraftModel.Configure(b);
        Lateness.LatenessPrompt.Configure(b);
    }
}
