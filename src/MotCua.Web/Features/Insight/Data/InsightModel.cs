using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Insight;
using MotCua.Web.Features.Payments.Data;

namespace MotCua.Web.Features.Insight.Data;

/// <summary>
/// The KPI tables (docs/adr/0024): one narrow fact row per dossier and per feedback report, the monthly counters per
/// unit (and per procedure), the refresh's watermark and the administrators' figures.
/// </summary>
internal static class InsightModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<DossierKpiFact>(e =>
        {
            e.ToTable("kpi_dossier_facts");
            e.HasKey(x => x.DossierId);
            e.Property(x => x.DossierId).ValueGeneratedNever();
            e.Property(x => x.ProcedureCode).HasMaxLength(64);
            e.Property(x => x.Channel).HasConversion<int>();
            e.Property(x => x.Outcome).HasConversion<int>();
            // The roll-up of a unit's month, and the drill-down behind a number.
            e.HasIndex(x => new { x.UnitId, x.Month });
            // Open dossiers in time whose due date passes: the refresh turns them overdue.
            e.HasIndex(x => x.OpenDueAt);
            // The overdue and due-soon lists: one outcome, in due order, the unit read from the index to filter the scope.
            e.HasIndex(x => new { x.Outcome, x.DueAt, x.UnitId });
        });
        b.Entity<FeedbackKpiFact>(e =>
        {
            e.ToTable("kpi_feedback_facts");
            e.HasKey(x => x.ReportId);
            e.Property(x => x.ReportId).ValueGeneratedNever();
            e.HasIndex(x => new { x.UnitId, x.Month });
            e.HasIndex(x => x.OpenDueAt);
            e.HasIndex(x => new { x.Closed, x.DueAt, x.UnitId });
        });
        b.Entity<KpiUnitMonth>(e =>
        {
            e.ToTable("kpi_unit_months");
            e.HasKey(x => new { x.UnitId, x.Month });
            e.HasIndex(x => x.Month);
            e.ComplexProperty(x => x.Counts, c =>
            {
                // From the catalogue at read time (KpiCatalogFigures), never stored per unit and month.
                c.Ignore(x => x.CatalogProcedures);
                c.Ignore(x => x.CatalogFullyOnline);
                c.Ignore(x => x.CatalogFeeBearing);
                c.Ignore(x => x.CatalogPayableOnline);
            });
        });
        b.Entity<KpiProcedureMonth>(e =>
        {
            e.ToTable("kpi_procedure_months");
            e.HasKey(x => new { x.UnitId, x.Month, x.ProcedureCode });
            e.Property(x => x.ProcedureCode).HasMaxLength(64);
            e.HasIndex(x => x.Month);
        });
        b.Entity<KpiProcedureCount>(e =>
        {
            e.ToTable("kpi_procedure_counts");
            e.HasKey(x => new { x.Scope, x.Period });
            e.Property(x => x.Scope).HasMaxLength(36);
            e.Property(x => x.Period).HasMaxLength(13);
            e.HasIndex(x => x.Period);
        });
        b.Entity<KpiWatermark>(e =>
        {
            e.ToTable("kpi_watermarks");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(32);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        b.Entity<KpiEnteredValue>(e =>
        {
            e.ToTable("kpi_entered_values");
            e.HasKey(x => x.Id);
            e.Property(x => x.Key).HasMaxLength(8);
            e.Property(x => x.EnteredBy).HasMaxLength(200);
            e.HasIndex(x => new { x.UnitId, x.Month, x.Key }).IsUnique();
        });

        // The refresh reads what changed since its watermark: dossier events and payments by their time. These two
        // indexes belong to other modules' tables; they are declared here because only the KPI refresh needs them.
        b.Entity<Dossier>().OwnsMany(d => d.Events).HasIndex(x => x.At);
        b.Entity<PaymentOrder>().HasIndex(o => o.PaidAt);
    }
}
