using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace MotCua.Bench;

/// <summary>
/// Fills the database with a large number of dossiers, fast, through the real schema. Three template dossiers are
/// made by the product itself over its API (one just filed, one being processed with its open task, one returned
/// with its result), so every row, task and event is exactly what the mapping stores; then PostgreSQL copies them
/// with INSERT … SELECT over generate_series, giving each copy its own ids, reference, code, applicant, receiving
/// ward or commune (all current ones, round robin) and dates (open work in the last 30 days, finished work over a
/// year). Columns are read from the catalogue, so a column added later is copied as the template has it.
/// Mix: 20 % new, 30 % in processing (an open task each), 50 % returned.
/// </summary>
internal static class DossierDataset
{
    private const int Chunk = 100_000;

    public static async Task EnsureAsync(string connectionString, Lifecycle lifecycle, int dossiers, TextWriter output)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var existing = (long)(await Scalar(connection, "SELECT count(*) FROM dossiers"))!;
        if (existing >= dossiers)
        {
            output.WriteLine($"data set: {existing:N0} dossiers already there");
            return;
        }
        var run = Guid.NewGuid().ToString("N")[..8];
        // The templates, made by the product: the same steps the lifecycle benchmark times.
        var fresh = await TemplateAsync(connection, lifecycle, $"template-new-{run}", "none");
        var open = await TemplateAsync(connection, lifecycle, $"template-open-{run}", "accept");
        var done = await TemplateAsync(connection, lifecycle, $"template-done-{run}", "return");
        var started = Stopwatch.GetTimestamp();
        await BenchPostgres.ExecuteAsync(connection, "CREATE EXTENSION IF NOT EXISTS pgcrypto");
        await BenchPostgres.ExecuteAsync(connection, """
            CREATE TEMP TABLE bench_units AS
            SELECT row_number() OVER (ORDER BY "Code") - 1 AS i, "UnitId" AS id FROM unit_versions
            WHERE "ValidTo" IS NULL AND "Kind" IN ('Ward', 'Commune')
            """);
        var units = (long)(await Scalar(connection, "SELECT count(*) FROM bench_units"))!;
        var start = existing;
        for (var from = start; from < dossiers; from += Chunk)
        {
            var to = Math.Min(dossiers, from + Chunk);
            await BenchPostgres.ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture, $"""
                DROP TABLE IF EXISTS bench_gen;
                CREATE TEMP TABLE bench_gen AS
                SELECT n, gen_random_uuid() AS id, u.id AS unit,
                       CASE WHEN n % 10 < 2 THEN '{fresh}'::uuid WHEN n % 10 < 5 THEN '{open}'::uuid ELSE '{done}'::uuid END AS template,
                       CASE WHEN n % 10 < 5 THEN now() - (n % 43200) * interval '1 minute' ELSE now() - (n % 525600) * interval '1 minute' END AS at
                FROM generate_series({from + 1}, {to}) n JOIN bench_units u ON u.i = n % {units};
                ANALYZE bench_gen;
                """));
            foreach (var table in await TablesAsync(connection))
            {
                await BenchPostgres.ExecuteAsync(connection, await CopySqlAsync(connection, table));
            }
            await BenchPostgres.ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture,
                $"""INSERT INTO dossier_submissions ("IdempotencyKey", "DossierId") SELECT 'bench-' || n, id FROM bench_gen"""));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {to:N0} dossiers after {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s"));
        }
        // As autovacuum would in time: statistics, and the visibility map that lets index-only scans skip the heap.
        await BenchPostgres.ExecuteAsync(connection, "VACUUM ANALYZE");
        var tasks = await Scalar(connection, "SELECT count(*) FROM dossier_tasks");
        var events = await Scalar(connection, "SELECT count(*) FROM dossier_events");
        var size = await Scalar(connection, "SELECT pg_size_pretty(pg_database_size(current_database()))");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"data set: {dossiers - start:N0} dossiers written in {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s; {tasks} tasks, {events} events; database {size}"));
    }

    private static async Task<Guid> TemplateAsync(NpgsqlConnection connection, Lifecycle lifecycle, string key, string until)
    {
        var error = await lifecycle.RunAsync(key, until);
        if (error is not null) throw new InvalidOperationException($"template {key}: {error}");
        await using var command = new NpgsqlCommand("""SELECT "DossierId" FROM dossier_submissions WHERE "IdempotencyKey" = @key""", connection);
        command.Parameters.AddWithValue("key", key);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>dossiers first, then every table whose rows belong to a dossier (a DossierId column).</summary>
    private static async Task<List<string>> TablesAsync(NpgsqlConnection connection)
    {
        var tables = new List<string> { "dossiers" };
        await using var command = new NpgsqlCommand("""
            SELECT DISTINCT table_name FROM information_schema.columns
            WHERE table_schema = 'public' AND column_name = 'DossierId' AND table_name LIKE 'dossier\_%' AND table_name <> 'dossier_submissions'
            ORDER BY table_name
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        return tables;
    }

    /// <summary>INSERT … SELECT copying the templates' rows of a table, each column either as it is or made the copy's own.</summary>
    private static async Task<string> CopySqlAsync(NpgsqlConnection connection, string table)
    {
        var columns = new List<(string Name, string Type, bool Generated)>();
        await using (var command = new NpgsqlCommand("""
            SELECT column_name, data_type, is_identity = 'YES' OR coalesce(column_default, '') LIKE 'nextval%'
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name = @table ORDER BY ordinal_position
            """, connection))
        {
            command.Parameters.AddWithValue("table", table);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) columns.Add((reader.GetString(0), reader.GetString(1), reader.GetBoolean(2)));
        }
        var copied = columns.Where(c => !c.Generated).ToList();
        var names = string.Join(", ", copied.Select(c => $"\"{c.Name}\""));
        var values = string.Join(", ", copied.Select(c => Value(table, c.Name, c.Type)));
        var templateKey = table == "dossiers" ? "\"Id\"" : "\"DossierId\"";
        var sql = new StringBuilder();
        sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO \"{table}\" ({names}) SELECT {values} FROM bench_gen g JOIN \"{table}\" t ON t.{templateKey} = g.template");
        if (table != "dossiers") sql.Append(" JOIN dossiers td ON td.\"Id\" = g.template");
        return sql.ToString();
    }

    private static string Value(string table, string column, string type)
    {
        var submitted = table == "dossiers" ? "t.\"SubmittedAt\"" : "td.\"SubmittedAt\"";
        return (table, column) switch
        {
            ("dossiers", "Id") => "g.id",
            ("dossiers", "Reference") => "'HS-BENCH-' || lpad(g.n::text, 8, '0')",
            ("dossiers", "Code") => "CASE WHEN t.\"Code\" IS NULL THEN NULL ELSE t.\"Code\" || '-' || g.n END",
            ("dossiers", "OwnerPhone") => Protected("'09' || lpad((g.n % 100000000)::text, 8, '0')"),
            ("dossiers", "OwnerIdNumber") => Protected("lpad(g.n::text, 12, '0')"),
            ("dossier_tasks", "Id") => "md5(g.id::text || t.\"Id\"::text)::uuid",
            (_, "TaskId" or "Handover_ToTaskId") => $"CASE WHEN t.\"{column}\" IS NULL THEN NULL ELSE md5(g.id::text || t.\"{column}\"::text)::uuid END",
            (_, "DossierId" or "DossierId1") => $"CASE WHEN t.\"{column}\" IS NULL THEN NULL ELSE g.id END",
            (_, "ReceivingUnitId" or "UnitId" or "Handover_FromUnitId" or "Handover_ToUnitId") => $"CASE WHEN t.\"{column}\" IS NULL THEN NULL ELSE g.unit END",
            // Every instant moves with the dossier, so its deadlines stay as far from its filing as the template's.
            (_, _) when type.StartsWith("timestamp", StringComparison.Ordinal) => $"t.\"{column}\" + (g.at - {submitted})",
            _ => $"t.\"{column}\"",
        };
    }

    /// <summary>
    /// The SQL twin of the product's PersonalDataCipher.Protect (docs/adr/0023) with pgcrypto: IV = HMAC-SHA256 cut to 16
    /// bytes, AES-256-CBC with PKCS padding, "pd1:" + base64. The product reads what this writes (the read benchmark's lookups).
    /// </summary>
    private static string Protected(string plaintext)
    {
        var (encryption, mac) = BenchSettings.Cipher().DerivedKeys;
        var iv = $"substring(hmac(convert_to({plaintext}, 'UTF8'), '\\x{Convert.ToHexString(mac)}'::bytea, 'sha256') from 1 for 16)";
        // encode() breaks base64 into lines of 76; these values are shorter, but a line break would corrupt one silently.
        return $"'pd1:' || translate(encode({iv} || encrypt_iv(convert_to({plaintext}, 'UTF8'), '\\x{Convert.ToHexString(encryption)}'::bytea, {iv}, 'aes-cbc/pad:pkcs'), 'base64'), E'\\n', '')";
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        return await command.ExecuteScalarAsync();
    }
}
