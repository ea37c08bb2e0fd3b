using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace MotCua.Bench;

/// <summary>
/// Fills a database with a large number of feedback reports (BENCH_REPORTS, 1,000,000 by default), fast, through the
/// real schema: three reports are filed by the product itself over Open311 (so each row is exactly what the mapping
/// stores), then PostgreSQL copies their rows (report and events) with INSERT … SELECT over generate_series, giving
/// each copy its own id, number, category, place in the city, handling ward and dates spread over two years.
/// Mix: 60 % closed (resolved), 40 % open; every column not named here is copied as the template has it.
/// </summary>
internal static class FeedbackDataset
{
    private const int Chunk = 100_000;

    public static int Reports() =>
        int.Parse(Environment.GetEnvironmentVariable("BENCH_REPORTS") ?? "1000000", CultureInfo.InvariantCulture);

    public static async Task EnsureAsync(string connectionString, HttpClient client, int reports, TextWriter output)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var existing = (long)(await ScalarAsync(connection, "SELECT count(*) FROM feedback_reports"))!;
        if (existing >= reports)
        {
            output.WriteLine($"data set: {existing:N0} feedback reports already there");
            return;
        }
        var template = await TemplateAsync(client);
        var started = Stopwatch.GetTimestamp();
        await BenchPostgres.ExecuteAsync(connection, """
            CREATE TEMP TABLE bench_units AS
            SELECT row_number() OVER (ORDER BY "Code") - 1 AS i, "UnitId" AS id FROM unit_versions
            WHERE "ValidTo" IS NULL AND "Kind" IN ('Ward', 'Commune');
            CREATE TEMP TABLE bench_categories AS
            SELECT row_number() OVER (ORDER BY "Code") - 1 AS i, "Code" AS code FROM feedback_categories WHERE "Active";
            """);
        var units = (long)(await ScalarAsync(connection, "SELECT count(*) FROM bench_units"))!;
        var categories = (long)(await ScalarAsync(connection, "SELECT count(*) FROM bench_categories"))!;
        for (var from = existing; from < reports; from += Chunk)
        {
            var to = Math.Min(reports, from + Chunk);
            // Two years back to now, in the order they were received (as a live table's rows lie on disk).
            await BenchPostgres.ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture, $"""
                DROP TABLE IF EXISTS bench_gen;
                CREATE TEMP TABLE bench_gen AS
                SELECT n, gen_random_uuid() AS id, u.id AS unit, c.code AS category,
                       now() - ({reports} - n) * (1051200.0 / {reports}) * interval '1 minute' AS at,
                       21.00 + (n * 7919 % 10000) / 100000.0 AS lat, 105.80 + (n * 104729 % 10000) / 100000.0 AS lon,
                       CASE WHEN n % 10 < 6 THEN 'Resolved' WHEN n % 10 < 8 THEN 'InProgress' ELSE 'New' END AS status
                FROM generate_series({from + 1}::bigint, {to}) n
                JOIN bench_units u ON u.i = n % {units} JOIN bench_categories c ON c.i = n % {categories};
                ANALYZE bench_gen;
                """));
            await BenchPostgres.ExecuteAsync(connection, await CopySqlAsync(connection, "feedback_reports", template));
            await BenchPostgres.ExecuteAsync(connection, await CopySqlAsync(connection, "feedback_events", template));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {to:N0} reports after {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s"));
        }
        await BenchPostgres.ExecuteAsync(connection, "VACUUM ANALYZE");
        var size = await ScalarAsync(connection, "SELECT pg_size_pretty(pg_total_relation_size('feedback_reports') + pg_total_relation_size('feedback_events'))");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"data set: {reports - existing:N0} reports written in {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s; reports and events take {size}"));
    }

    /// <summary>A report filed over Open311 by the product: its number.</summary>
    private static async Task<string> TemplateAsync(HttpClient client)
    {
        using var response = await client.PostAsync(new Uri("/open311/v2/requests.json", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = "open311-demo-key", ["service_code"] = "chieu-sang", ["lat"] = "21.0285", ["long"] = "105.8522",
            ["description"] = "Đèn đường ven hồ tắt từ tối qua, cả đoạn phố tối om.", ["attribute[tinh-trang]"] = "tat",
        }));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"template report: {(int)response.StatusCode} {body}");
        return System.Text.Json.JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!;
    }

    private static async Task<string> CopySqlAsync(NpgsqlConnection connection, string table, string templateNumber)
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
        var join = table == "feedback_reports"
            ? "JOIN feedback_reports t ON t.\"Number\" = @template"
            : "JOIN feedback_reports tr ON tr.\"Number\" = @template JOIN feedback_events t ON t.\"ReportId\" = tr.\"Id\"";
        // In received order, as a live table's rows lie on disk (newest-first pages read neighbouring rows).
        return $"INSERT INTO \"{table}\" ({names}) SELECT {values} FROM bench_gen g {join} ORDER BY g.n".Replace("@template", $"'{templateNumber}'", StringComparison.Ordinal);
    }

    private static string Value(string table, string column, string type)
    {
        var received = table == "feedback_reports" ? "t.\"ReceivedAt\"" : "tr.\"ReceivedAt\"";
        return (table, column) switch
        {
            ("feedback_reports", "Id") or ("feedback_events", "ReportId") => "g.id",
            ("feedback_reports", "Number") => "'PA-BENCH-' || lpad(g.n::text, 8, '0')",
            ("feedback_reports", "CategoryCode") => "g.category",
            ("feedback_reports", "HandlingUnitId" or "LocatedUnitId") => "g.unit",
            ("feedback_reports", "Latitude") => "g.lat",
            ("feedback_reports", "Longitude") => "g.lon",
            ("feedback_reports", "Status") => "g.status",
            ("feedback_reports", "IdempotencyKey") => "NULL",
            ("feedback_reports", "ClosedAt") => "CASE WHEN g.status = 'Resolved' THEN g.at + interval '3 days' ELSE NULL END",
            ("feedback_reports", "UpdatedAt") => "CASE WHEN g.status = 'Resolved' THEN g.at + interval '3 days' ELSE g.at END",
            (_, _) when type.StartsWith("timestamp", StringComparison.Ordinal) => $"t.\"{column}\" + (g.at - {received})",
            _ => $"t.\"{column}\"",
        };
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        return await command.ExecuteScalarAsync();
    }
}
