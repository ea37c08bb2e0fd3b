using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Features.Organization.Boundaries;

/// <summary>
/// The outline of a unit (any level, open or closed: a closed district's outline still says where its successors are),
/// as GeoJSON geometry in WGS 84. Stored as text so that SQLite and PostgreSQL hold it alike; the index is in memory.
/// </summary>
public sealed class UnitBoundary
{
    public Guid UnitId { get; set; }
    /// <summary>A GeoJSON Polygon or MultiPolygon.</summary>
    public required string Geometry { get; set; }
    /// <summary>Where it came from (file name, data set and date), shown to administrators.</summary>
    public required string Source { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}

internal static class BoundaryModel
{
    public static void Configure(ModelBuilder b) => b.Entity<UnitBoundary>(e =>
    {
        e.ToTable("unit_boundaries");
        e.HasKey(x => x.UnitId);
        e.HasOne<Data.Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.Source).HasMaxLength(300);
        e.HasIndex(x => x.ImportedAt);
    });
}
