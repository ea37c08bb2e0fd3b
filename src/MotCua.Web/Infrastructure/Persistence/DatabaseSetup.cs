using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MotCua.Web.Infrastructure.Persistence;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// Chooses the database from one setting. <c>ConnectionStrings:MotCua</c> unset means the embedded default:
/// a SQLite file under ./data/. A PostgreSQL connection string ("Host=…") switches to PostgreSQL.
/// </summary>
public static class DatabaseSetup
{
    public const string ConnectionName = "MotCua";

    public static (DatabaseProvider Provider, string ConnectionString) Resolve(IConfiguration configuration, string workingDirectory)
    {
        var configured = configuration.GetConnectionString(ConnectionName);
        if (string.IsNullOrWhiteSpace(configured))
        {
            var folder = Path.Combine(DataRoot(workingDirectory), "data");
            Directory.CreateDirectory(folder);
            return (DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "motcua.db")}");
        }
        var isSqlite = configured.TrimStart().StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase)
            || configured.TrimStart().StartsWith("Filename=", StringComparison.OrdinalIgnoreCase);
        return (isSqlite ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres, configured);
    }

    /// <summary>
    /// In a checkout (`dotnet run --project src/MotCua.Web`, which starts in the project folder) the embedded
    /// database lives in the repository's ./data/ (ignored by git); an installed copy uses its working folder.
    /// </summary>
    internal static string DataRoot(string workingDirectory)
    {
        for (var dir = new DirectoryInfo(workingDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MotCua.slnx"))) return dir.FullName;
        }
        return workingDirectory;
    }

    /// <remarks>
    /// Queries split by default: a dossier owns several collections (events, rounds, payments, results, attachments), which
    /// EF always loads with it; joined in one query their rows multiply (10 events × 3 attachments = 30 rows), split they
    /// do not. Contexts are pooled: building one (its services, its sets, its options) was a visible share of every request's
    /// CPU under load, and a context holds no state of ours between requests (the pool resets its change tracker).
    /// </remarks>
    public static IServiceCollection AddMotCuaDatabase(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            services.AddDbContextPool<MotCuaDbContext, SqliteMotCuaDbContext>(o => ConfigureSqlite(o, connectionString));
        }
        else
        {
            services.AddDbContextPool<MotCuaDbContext, PostgresMotCuaDbContext>(o => ConfigurePostgres(o, connectionString));
        }
        return services;
    }

    internal static void ConfigureSqlite(DbContextOptionsBuilder o, string connectionString) =>
        o.UseSqlite(connectionString, s => s.CommandTimeout(30).UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));

    internal static void ConfigurePostgres(DbContextOptionsBuilder o, string connectionString) =>
        o.UseNpgsql(connectionString, n => n.EnableRetryOnFailure(3).UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)
            // A list of ids (a supervisor's hundreds of units) as one array parameter, "= ANY(@ids)", not one parameter
            // per id: EF's default built and bound 761 parameters per query for the city supervisor's inbox.
            .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
}

/// <summary>Lets <c>dotnet ef migrations add</c> build each provider's context without starting the host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMotCuaDbContext>
{
    public SqliteMotCuaDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<SqliteMotCuaDbContext>();
        DatabaseSetup.ConfigureSqlite(b, "Data Source=design-time.db");
        return new SqliteMotCuaDbContext(b.Options);
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMotCuaDbContext>
{
    public PostgresMotCuaDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<PostgresMotCuaDbContext>();
        DatabaseSetup.ConfigurePostgres(b, "Host=localhost;Database=motcua_design");
        return new PostgresMotCuaDbContext(b.Options);
    }
}
