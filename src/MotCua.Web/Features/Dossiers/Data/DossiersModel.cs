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
        DossierMapping.Configure(b);
    }
}
