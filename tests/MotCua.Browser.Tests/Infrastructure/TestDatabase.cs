using Npgsql;

namespace MotCua.Browser.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database for one test host: a SQLite file in a temp folder, or a new database on the
/// PostgreSQL server that test.sh started (MOTCUA_TEST_DB=postgres, MOTCUA_TEST_PG=connection string).
/// A copy of MotCua.Web.Tests' helper: one test project referencing another would drag its tests along.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string? _sqliteFolder;
    private readonly string? _postgresName;
    private readonly string? _postgresAdmin;

    public TestDatabase()
    {
        if (IsPostgres)
        {
            _postgresAdmin = Environment.GetEnvironmentVariable("MOTCUA_TEST_PG")
                ?? throw new InvalidOperationException("MOTCUA_TEST_DB=postgres needs MOTCUA_TEST_PG (run the tests with ./test.sh).");
            _postgresName = "motcua_test_" + Guid.NewGuid().ToString("N")[..16];
            using var connection = new NpgsqlConnection(_postgresAdmin);
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {_postgresName}", connection);
            create.ExecuteNonQuery();
            ConnectionString = new NpgsqlConnectionStringBuilder(_postgresAdmin) { Database = _postgresName }.ConnectionString;
        }
        else
        {
            _sqliteFolder = Path.Combine(Path.GetTempPath(), "motcua-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_sqliteFolder);
            ConnectionString = $"Data Source={Path.Combine(_sqliteFolder, "motcua.db")}";
        }
    }

    public static bool IsPostgres => string.Equals(Environment.GetEnvironmentVariable("MOTCUA_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase);

    public string ConnectionString { get; }

    public void Dispose()
    {
        if (_postgresName is not null && _postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(_postgresAdmin);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
        if (_sqliteFolder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_sqliteFolder, recursive: true); } catch (IOException) { }
        }
    }
}
