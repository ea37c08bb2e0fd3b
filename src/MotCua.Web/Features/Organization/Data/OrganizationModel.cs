using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Features.Organization.Data;

internal static class OrganizationModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Unit>(e =>
        {
            e.ToTable("units");
            e.Property(u => u.AdministrativeCode).HasMaxLength(16);
            e.HasIndex(u => u.AdministrativeCode);
            e.HasIndex(u => u.ClosedByReorganizationId);
            e.HasMany(u => u.Versions).WithOne().HasForeignKey(v => v.UnitId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<UnitVersion>(e =>
        {
            e.ToTable("unit_versions");
            e.Property(v => v.Code).HasMaxLength(32);
            e.Property(v => v.Name).HasMaxLength(200);
            e.Property(v => v.ShortName).HasMaxLength(120);
            e.Property(v => v.Kind).HasConversion<string>().HasMaxLength(32);
            e.HasIndex(v => new { v.UnitId, v.ValidFrom }).IsUnique();
            e.HasIndex(v => v.Code);
            e.HasIndex(v => v.ParentId);
        });
        b.Entity<Reorganization>(e =>
        {
            e.ToTable("reorganizations");
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(r => r.Title).HasMaxLength(300);
            e.Property(r => r.LegalBasis).HasMaxLength(300);
            e.Property(r => r.AppliedBy).HasMaxLength(200);
            e.HasMany(r => r.Successions).WithOne().HasForeignKey(s => s.ReorganizationId);
        });
        b.Entity<UnitSuccession>(e =>
        {
            e.ToTable("unit_successions");
            e.HasIndex(s => s.PredecessorId);
            e.HasIndex(s => s.SuccessorId);
        });
        b.Entity<StaffUser>(e =>
        {
            e.Property(s => s.FullName).HasMaxLength(200);
            e.HasMany(s => s.Roles).WithOne().HasForeignKey(r => r.StaffId);
        });
        b.Entity<RoleAssignment>(e =>
        {
            e.ToTable("role_assignments");
            e.Property(r => r.Role).HasConversion<string>().HasMaxLength(32);
            e.Property(r => r.EndReason).HasMaxLength(300);
            e.HasIndex(r => new { r.StaffId, r.UnitId });
            e.HasIndex(r => r.UnitId);
        });
    }
}
