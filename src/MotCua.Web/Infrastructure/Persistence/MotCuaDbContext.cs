using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Calendar.Data;
using MotCua.Web.Features.Catalog.Data;
using MotCua.Web.Features.Dossiers.Data;
using MotCua.Web.Infrastructure.Outbox;
using MotCua.Web.Features.Organization.Data;

namespace MotCua.Web.Infrastructure.Persistence;

/// <summary>
/// The one database of the product. Each module owns its tables and configures them in its own
/// <c>Features/&lt;Module&gt;/Data/*Model.cs</c>. The provider-specific subclasses below exist only so that
/// each provider has its own migrations (see docs/adr/0002).
/// </summary>
public class MotCuaDbContext(DbContextOptions options)
    : IdentityDbContext<StaffUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<UnitVersion> UnitVersions => Set<UnitVersion>();
    public DbSet<Reorganization> Reorganizations => Set<Reorganization>();
    public DbSet<UnitSuccession> UnitSuccessions => Set<UnitSuccession>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<CalendarOverrideEntry> CalendarOverrides => Set<CalendarOverrideEntry>();
    public DbSet<UnitWorkingHours> UnitWorkingHours => Set<UnitWorkingHours>();
    public DbSet<Procedure> Procedures => Set<Procedure>();
    public DbSet<ProcedureVersion> ProcedureVersions => Set<ProcedureVersion>();
    public DbSet<CatalogState> CatalogState => Set<CatalogState>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<DossierCodeSequence> DossierCodeSequences => Set<DossierCodeSequence>();
    public DbSet<MotCua.Domain.Dossiers.Dossier> Dossiers => Set<MotCua.Domain.Dossiers.Dossier>();
    public DbSet<MotCua.Domain.Dossiers.DossierTask> DossierTasks => Set<MotCua.Domain.Dossiers.DossierTask>();

    /// <summary>Every instant is stored in UTC, so comparisons and ordering in SQL mean the same on both databases.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstantConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        OrganizationModel.Configure(builder);
        Features.Organization.Boundaries.BoundaryModel.Configure(builder);
        Features.Feedback.Data.FeedbackModel.Configure(builder);
        CalendarModel.Configure(builder);
        CatalogModel.Configure(builder);
        DossiersModel.Configure(builder);
        OutboxModel.Configure(builder);
        Features.Audit.AuditModel.Configure(builder);
        Features.Delivery.Data.DeliveryModel.Configure(builder);
        Features.Documents.Data.DocumentsModel.Configure(builder);
        Features.Payments.Data.PaymentsModel.Configure(builder);
        Features.Insight.Data.InsightModel.Configure(builder);
    }
}

/// <summary>
/// SQLite has no instant type and cannot order text-stored offsets: instants are stored as UTC ticks (an
/// integer), which sort and compare in SQL exactly as the instants do.
/// </summary>
public sealed class SqliteMotCuaDbContext(DbContextOptions<SqliteMotCuaDbContext> options) : MotCuaDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}

public sealed class PostgresMotCuaDbContext(DbContextOptions<PostgresMotCuaDbContext> options) : MotCuaDbContext(options);
