using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Tests.Dossiers;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Audit;

/// <summary>A host whose sealer does not run by itself: the chain tests seal when they choose.</summary>
public sealed class UnsealedFactory : MotCuaFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("MotCua:Audit:SealerEnabled", "false");
    }
}

/// <summary>What the audit tests share: filing a dossier, reading entries back, and tampering as a database owner would.</summary>
internal static class AuditTestKit
{
    public static Task<Dossier> FileAsync(MotCuaFactory factory, string key) => factory.WithScopeAsync(async sp =>
    {
        var unit = (await sp.GetRequiredService<UnitDirectory>().TodayAsync()).FindByCode(UnitCodes.Commune2025(1))!.Id;
        return await BirthFiling.FileAsync(sp.GetRequiredService<DossierService>(), unit, key);
    });

    /// <summary>The entries about one object, oldest first, with their units.</summary>
    public static Task<List<AuditEntry>> EntriesAsync(MotCuaFactory factory, Guid objectId) =>
        factory.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().Include(e => e.Units)
            .Where(e => e.ObjectId == objectId.ToString()).OrderBy(e => e.Sequence).ToListAsync());

    public static Task<List<AuditEntry>> EntriesAsync(MotCuaFactory factory, string action) =>
        factory.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking().Include(e => e.Units)
            .Where(e => e.Action == action).OrderBy(e => e.Sequence).ToListAsync());

    public static Task<int> SealAllAsync(MotCuaFactory factory) => factory.WithScopeAsync(async sp =>
    {
        var sealer = sp.GetRequiredService<AuditSealer>();
        var total = 0;
        for (int n; (n = await sealer.SealOnceAsync(CancellationToken.None)) > 0;) total += n;
        return total;
    });

    public static Task<AuditVerification> VerifyAsync(MotCuaFactory factory) =>
        factory.WithScopeAsync(sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync(CancellationToken.None));

    private static readonly string[] Tables = ["audit_entries", "audit_entry_units", "audit_seals"];

    /// <summary>
    /// Runs <paramref name="sql"/> past the append-only triggers, as the database's owner could: on PostgreSQL with the
    /// tables' triggers disabled for the statement, on SQLite by dropping them and creating them again after.
    /// </summary>
    public static Task AsOwnerAsync(MotCuaFactory factory, string sql) => factory.WithDbAsync(async db =>
    {
        string script;
        if (TestDatabase.IsPostgres)
        {
            script = string.Concat(Tables.Select(t => $"ALTER TABLE {t} DISABLE TRIGGER USER; ")) + sql + "; "
                + string.Concat(Tables.Select(t => $"ALTER TABLE {t} ENABLE TRIGGER USER; "));
        }
        else
        {
            var triggers = await db.Database.SqlQueryRaw<string>(
                "SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('audit_entries', 'audit_entry_units', 'audit_seals')").ToListAsync();
            var names = await db.Database.SqlQueryRaw<string>(
                "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('audit_entries', 'audit_entry_units', 'audit_seals')").ToListAsync();
            script = string.Concat(names.Select(n => $"DROP TRIGGER {n}; ")) + sql + "; " + string.Concat(triggers.Select(t => t + "; "));
        }
        await db.Database.ExecuteSqlRawAsync(script);
        return 0;
    });
}
