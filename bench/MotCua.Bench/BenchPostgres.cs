using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace MotCua.Bench;

/// <summary>
/// The PostgreSQL server the dossier benchmarks run on, named by MOTCUA_BENCH_PG (a connection string without a
/// database, e.g. "Host=127.0.0.1;Port=56100;Username=postgres"); bench/postgres.sh starts a suitable one.
/// </summary>
internal static partial class BenchPostgres
{
    public static NpgsqlConnectionStringBuilder Server()
    {
        var value = Environment.GetEnvironmentVariable("MOTCUA_BENCH_PG");
        if (string.IsNullOrWhiteSpace(value))
            throw new InvalidOperationException("Set MOTCUA_BENCH_PG to a PostgreSQL connection string (see bench/postgres.sh).");
        return new NpgsqlConnectionStringBuilder(value);
    }

    /// <summary>The product's connection string for <paramref name="database"/>, created (or emptied first when <paramref name="fresh"/>).</summary>
    public static async Task<string> DatabaseAsync(string database, bool fresh)
    {
        var server = Server();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        if (fresh) await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync() is null) await ExecuteAsync(connection, $"CREATE DATABASE \"{database}\"");
        return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database }.ConnectionString;
    }

    /// <summary>
    /// Reads every table and index of the database once (pg_prewarm into the operating system's cache) and says how
    /// long that took. A city's server with 24 GiB holds this ~10 GB data set in memory after its first day; without
    /// this, the first minutes of a run measure this machine's disk (a few hundred random reads a second), not the product.
    /// BENCH_COLD=1 skips it, to see the cold figure.
    /// </summary>
    public static async Task PrewarmAsync(string connectionString, TextWriter output)
    {
        if (Environment.GetEnvironmentVariable("BENCH_COLD") == "1") return;
        var watch = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "CREATE EXTENSION IF NOT EXISTS pg_prewarm");
        await using var command = new NpgsqlCommand(
            """
            SELECT coalesce(sum(pg_prewarm(c.oid::regclass, 'read')), 0) * current_setting('block_size')::bigint
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i', 't')
            """, connection) { CommandTimeout = 3600 };
        var bytes = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"prewarmed {bytes / (1024.0 * 1024 * 1024):F1} GiB into the OS cache in {watch.Elapsed.TotalSeconds:F0} s (BENCH_COLD=1 to skip)"));
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, int timeoutSeconds = 3600)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = timeoutSeconds };
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// pgbench's simple-update transactions (-N: three statements and an insert, no hot-spot updates) on the same
    /// server, as a yardstick of what the database does for a bare transaction on this machine.
    /// </summary>
    public static async Task<double> PgbenchAsync(int clients, TimeSpan duration, TextWriter output)
    {
        var server = Server();
        await DatabaseAsync("motcua_pgbench", fresh: true);
        string[] connection = ["-h", server.Host!, "-p", server.Port.ToString(CultureInfo.InvariantCulture), "-U", server.Username ?? "postgres"];
        await RunAsync("pgbench", [.. connection, "-i", "-q", "-s", "10", "motcua_pgbench"]);
        var threads = Math.Min(clients, Environment.ProcessorCount);
        var text = await RunAsync("pgbench", [.. connection, "-N", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", threads.ToString(CultureInfo.InvariantCulture),
            "-T", ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture), "motcua_pgbench"]);
        output.WriteLine($"pgbench -N -s 10 -c {clients} -j {threads} -T {(int)duration.TotalSeconds}: " + string.Join("; ", text.Split('\n').Where(l => l.StartsWith("latency", StringComparison.Ordinal) || l.StartsWith("tps", StringComparison.Ordinal))));
        return double.Parse(Tps().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Waits until the product has sent what earlier runs left in its outbox (the SMS and portal messages of the last
    /// run's lifecycles, delivered in the background): a server that has been running is caught up, and a measurement
    /// taken while it drains a backlog of tens of thousands of messages measures the backlog. E-mail is not configured
    /// in the benchmark, so its messages only wait for their next attempt and are left out.
    /// </summary>
    public static async Task DrainOutboxAsync(string connectionString, TextWriter output, TimeSpan limit)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var started = Stopwatch.GetTimestamp();
        long first = -1;
        while (true)
        {
            await using var command = new NpgsqlCommand("""
                SELECT count(*) FROM outbox_messages
                WHERE "ProcessedAtMs" IS NULL AND "DeadAtMs" IS NULL AND "Type" <> 'notify.email'
                """, connection);
            var waiting = (long)(await command.ExecuteScalarAsync())!;
            if (first < 0) first = waiting;
            if (waiting <= 100 || Stopwatch.GetElapsedTime(started) > limit)
            {
                if (first > 100) output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"outbox: {first:N0} messages left by earlier runs, {waiting:N0} after {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s"));
                return;
            }
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    private static async Task<string> RunAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} failed: {await stderr}");
        return await stdout;
    }

    [GeneratedRegex(@"tps = ([0-9.]+)")]
    private static partial Regex Tps();
}
