using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Features.Calendar.Data;

internal static class CalendarModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<CalendarOverrideEntry>(e =>
        {
            e.ToTable("calendar_overrides");
            e.Property(o => o.Name).HasMaxLength(200);
            e.HasIndex(o => new { o.UnitId, o.Date }).IsUnique();
        });
        b.Entity<UnitWorkingHours>(e =>
        {
            e.ToTable("unit_working_hours");
            e.HasKey(h => h.UnitId);
        });
    }
}
