using System.Diagnostics;
using Npgsql;

namespace MotCua.Durability.Tests.ScaleOut;

/// <summary>
/// A PostgreSQL server of the scale-out test's own (not test.sh's shared one): the test restarts it mid-load, takes
/// its backups and starts fresh servers from them. Debian's binaries; as root they run as the postgres user, since
/// initdb and the server refuse to run as root. Loopback only, trust authentication, thrown away afterwards.
/// </summary>
internal sealed class PostgresServer : IAsyncDisposable
{
    private PostgresServer(string dataDirectory, int port)
    {
        DataDirectory = dataDirectory;
        Port = port;
    }

    public string DataDirectory { get; }

    public int Port { get; }

    public string ConnectionString(string database, int maxPool = 20) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Maximum Pool Size={maxPool};Timeout=5";

    /// <summary>A new cluster in <paramref name="directory"/>/data, started on a free port.</summary>
    public static async Task<PostgresServer> CreateAsync(string directory)
    {
        var server = new PostgresServer(Path.Combine(PrepareDirectory(directory), "data"), ProductProcess.FreePort());
        await RunAsync(Bin("initdb"), "-D", server.DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8");
        await server.StartAsync();
        return server;
    }

    /// <summary>A server on a copy made by <see cref="BaseBackupAsync"/>: what a restore onto new hardware does.</summary>
    public static async Task<PostgresServer> FromBaseBackupAsync(string backupDirectory)
    {
        var server = new PostgresServer(backupDirectory, ProductProcess.FreePort());
        await server.StartAsync();
        return server;
    }

    // Synchronous commit stays on (the default): an acknowledged dossier is in the WAL before the answer leaves.
    // fsync is off because the faults here are process faults, not power cuts: the operating system keeps what was
    // written, and the test stays fast on a shared disk.
    public Task StartAsync() => RunAsync(Bin("pg_ctl"), "-D", DataDirectory, "-l", DataDirectory + ".log", "-w", "-t", "60", "-o",
        $"-p {Port} -k {Path.GetDirectoryName(DataDirectory)} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off", "start");

    /// <summary>Immediate: every backend dies at once and the next start runs crash recovery, as after a crash.</summary>
    public Task StopAsync(string mode = "immediate") => RunAsync(Bin("pg_ctl"), "-D", DataDirectory, "-m", mode, "-w", "stop");

    public async Task CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
    }

    /// <summary>A base backup (the whole cluster, WAL streamed alongside) into <paramref name="directory"/>.</summary>
    public async Task<string> BaseBackupAsync(string directory)
    {
        var target = Path.Combine(PrepareDirectory(directory), "data");
        await RunAsync(Bin("pg_basebackup"), "-h", "127.0.0.1", "-p", $"{Port}", "-U", "postgres", "-D", target, "-X", "stream", "-c", "fast");
        return target;
    }

    /// <summary>A logical backup of one database in pg_dump's custom format.</summary>
    public async Task<string> DumpAsync(string database, string directory)
    {
        var file = Path.Combine(PrepareDirectory(directory), database + ".dump");
        await RunAsync(Bin("pg_dump"), "-h", "127.0.0.1", "-p", $"{Port}", "-U", "postgres", "-Fc", "-f", file, database);
        return file;
    }

    public async Task RestoreAsync(string dumpFile, string database)
    {
        await CreateDatabaseAsync(database);
        await RunAsync(Bin("pg_restore"), "-h", "127.0.0.1", "-p", $"{Port}", "-U", "postgres", "-d", database, "--no-owner", "--exit-on-error", dumpFile);
    }

    public async Task<long> CountAsync(string database, string table)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database, 2) + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static string PrepareDirectory(string directory)
    {
        Directory.CreateDirectory(directory);
        if (IsRoot) File.SetUnixFileMode(directory, (UnixFileMode)0b111_111_111); // the postgres user writes here
        return directory;
    }

    private static string Bin(string tool) =>
        Directory.GetDirectories("/usr/lib/postgresql").OrderBy(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
            .Select(d => Path.Combine(d, "bin", tool)).LastOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"PostgreSQL's {tool} is not installed (test.sh installs it).");

    private static Task RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(IsRoot ? "runuser" : tool);
        foreach (var a in (IsRoot ? new[] { "-u", "postgres", "--", tool } : []).Concat(args)) start.ArgumentList.Add(a);
        return ChildProcess.RunAsync(start, TimeSpan.FromMinutes(2));
    }
}
