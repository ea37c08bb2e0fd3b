using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;

namespace MotCua.Durability.Tests.ScaleOut;

/// <summary>
/// What the drill must prove once the faults are over, read from the database and from the external services:
/// every acknowledged filing is there once, every notice and sync message arrived (and counted once), the background
/// work was shared and done once, and backups restore to exactly the live data.
/// </summary>
internal sealed class ScaleOutChecks(PostgresServer pg, ExternalSystems external, Action<string> report)
{
    private const string Database = "motcua";

    // The business tables a backup is checked on: only user actions change them, and the load has stopped.
    private static readonly string[] Tables = ["dossiers", "dossier_events", "dossier_submissions", "audit_entries", "outbox_messages", "units"];

    public async Task AssertDeliveredOnceAsync(ConcurrentDictionary<string, Guid> acknowledged)
    {
        await using var db = new NpgsqlConnection(pg.ConnectionString(Database, 2) + ";Pooling=false");
        await db.OpenAsync();

        // Every acknowledged filing, once; no dossier that no acknowledged key accounts for.
        var stored = await ReadAsync(db, """SELECT "IdempotencyKey", "DossierId" FROM dossier_submissions""", r => (r.GetString(0), r.GetGuid(1)));
        Assert.Equal(acknowledged.Count, stored.Count);
        Assert.All(stored, s => Assert.Equal(acknowledged[s.Item1], s.Item2));
        Assert.Equal((long)acknowledged.Count, await ScalarAsync(db, "SELECT count(*) FROM dossiers"));
        report($"{acknowledged.Count} filings acknowledged, {stored.Count} in the database, each once");

        // Every notice and sync message delivered: nothing waiting, nothing parked.
        await WaitAsync(db, """
            SELECT count(*) FROM outbox_messages
            WHERE "Type" IN ('notify.sms', 'portal.sync') AND "ProcessedAtMs" IS NULL
            """, TimeSpan.FromSeconds(60), "SMS and portal messages still waiting in the outbox");

        var sms = await ReadAsync(db, """SELECT "Id" FROM outbox_messages WHERE "Type" = 'notify.sms'""", r => r.GetGuid(0).ToString("N"));
        Assert.NotEmpty(sms);
        Assert.Equal(sms.Order(), external.Sms.Messages.Select(m => m.Id).Order());
        var smsResent = external.Sms.Received - external.Sms.Messages.Count;

        var versions = await ReadAsync(db, """SELECT coalesce("Code", "Reference"), "Version" FROM dossiers""", r => (r.GetString(0), Convert.ToInt64(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(versions.Count, external.Portal.Dossiers.Count);
        Assert.All(versions, v => Assert.Equal(v.Item2, external.Portal.Find(v.Item1)?.PhienBan));
        var portalResent = external.Portal.Dossiers.Sum(d => d.Versions.Count - d.Versions.Distinct().Count());
        report($"SMS: {sms.Count} messages, each received by the gateway; {smsResent} resent after the kill, counted once by its id");
        report($"national portal: {versions.Count} dossiers at their current version; {portalResent} versions received twice, kept once");

        // Background work shared by the instances: the outbox's workers (one per process start) and who did what.
        var workers = await ReadAsync(db, """
            SELECT split_part("LockedBy", '/', 2), count(*) FROM outbox_messages
            WHERE "ProcessedAtMs" IS NOT NULL GROUP BY 1 ORDER BY 1
            """, r => $"process {r.GetString(0)}: {r.GetInt64(1)}");
        report("outbox messages delivered per process: " + string.Join(", ", workers));
        Assert.True(workers.Count >= 2, "one instance did all the background work");

        // The KPI refresh (a watermark job both instances run): one fact per dossier, none missing, none twice.
        await WaitAsync(db, """SELECT count(*) FROM dossiers d WHERE NOT EXISTS (SELECT 1 FROM kpi_dossier_facts f WHERE f."DossierId" = d."Id")""",
            TimeSpan.FromSeconds(30), "dossiers the KPI refresh has not counted");
        Assert.Equal(await ScalarAsync(db, "SELECT count(*) FROM dossiers"), await ScalarAsync(db, "SELECT count(*) FROM kpi_dossier_facts"));
    }

    /// <summary>A logical backup and a base backup of the live server, each restored into a fresh one and compared.</summary>
    public async Task AssertBackupsRestoreAsync(string root, SystemdUnit unit, IReadOnlyDictionary<string, string> settings)
    {
        var live = await CountsAsync(pg);
        var timer = Stopwatch.StartNew();
        var dump = await pg.DumpAsync(Database, Path.Combine(root, "dump"));
        var dumpSeconds = timer.Elapsed.TotalSeconds;
        timer.Restart();
        var baseBackup = await pg.BaseBackupAsync(Path.Combine(root, "base"));
        var baseSeconds = timer.Elapsed.TotalSeconds;

        await using var fromBase = await PostgresServer.FromBaseBackupAsync(baseBackup);
        Assert.Equal(live, await CountsAsync(fromBase));
        timer.Restart();
        await using var fresh = await PostgresServer.CreateAsync(Path.Combine(root, "fresh"));
        await fresh.RestoreAsync(dump, Database);
        var restoreSeconds = timer.Elapsed.TotalSeconds;
        Assert.Equal(live, await CountsAsync(fresh));

        // The product's own audit-chain check on the restored copy: every entry there, unaltered, in order.
        var restoredSettings = new Dictionary<string, string>(settings) { ["ConnectionStrings__MotCua"] = fresh.ConnectionString(Database) };
        await ChildProcess.RunAsync(unit.StartInfo("0", restoredSettings, "audit", "verify"), TimeSpan.FromMinutes(2));
        report($"backups: pg_dump {new FileInfo(dump).Length / 1024} KiB in {dumpSeconds:F1} s, restored into a fresh server in {restoreSeconds:F1} s; "
            + $"base backup in {baseSeconds:F1} s, started as a server; both match the live counts ({string.Join(", ", live.Select(c => $"{c.Key} {c.Value}"))}); audit chain verified on the restore");
    }

    private static async Task<SortedDictionary<string, long>> CountsAsync(PostgresServer server)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in Tables) counts[table] = await server.CountAsync(Database, table);
        return counts;
    }

    private static async Task WaitAsync(NpgsqlConnection db, string countSql, TimeSpan limit, string what)
    {
        var deadline = Stopwatch.StartNew();
        long left;
        while ((left = await ScalarAsync(db, countSql)) > 0)
        {
            Assert.True(deadline.Elapsed < limit, $"{left} {what} after {limit.TotalSeconds:F0} s");
            await Task.Delay(250);
        }
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<T>> ReadAsync<T>(NpgsqlConnection db, string sql, Func<NpgsqlDataReader, T> row)
    {
        await using var command = new NpgsqlCommand(sql, db);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(row(reader));
        return rows;
    }
}
