using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace MotCua.Bench;

/// <summary>
/// The city scorecard over BENCH_KPI_DOSSIERS (10,000,000 by default) dossiers. The KPI reads only the monthly counters
/// (docs/adr/0024), so the data set is what the refresh leaves behind: one fact row per dossier, written by SQL over
/// generate_series (every current unit, 80 of 240 procedures each, 24 months of 2025–2026, a realistic mix of channels and
/// outcomes), then rolled up per unit × month and unit × month × procedure by the same sums as KpiRollup, timed.
/// Kept in motcua_bench_kpi between runs. Then the product answers the city supervisor's scorecards over HTTP.
/// </summary>
internal sealed class KpiScenario : IScenario
{
    private const int Chunk = 1_000_000;

    public string Name => "kpi";

    public string Description => "city KPI scorecard over 10M dossier facts (BENCH_KPI_DOSSIERS): SQL fill, roll-up, GET latency";

    public void Run(TextWriter output) => RunAsync(output).GetAwaiter().GetResult();

    private static async Task RunAsync(TextWriter output)
    {
        var dossiers = int.Parse(Environment.GetEnvironmentVariable("BENCH_KPI_DOSSIERS") ?? "10000000", CultureInfo.InvariantCulture);
        var connectionString = await BenchPostgres.DatabaseAsync("motcua_bench_kpi", fresh: false);
        var folder = Directory.CreateTempSubdirectory("motcua-bench-kpi-").FullName;
        // The refresh would find no dossier events here; it stays off so the generated counters are what is read.
        var settings = new Dictionary<string, string>(BenchSettings.Server) { ["MotCua__Kpis__Refresh__Enabled"] = "false" };
        using (var server = new ProductServer(folder, connectionString, settings))
        using (var client = new HttpClient { BaseAddress = server.BaseAddress })
        {
            await server.WaitForFirstPageAsync(client, "/health/ready", TimeSpan.FromMinutes(3));
            await FillAsync(connectionString, dossiers, output);
            using var city = await StaffSession.SignInAsync(server.BaseAddress, "giamsat@motcua.demo");
            var ward = await ScalarAsync(connectionString, """SELECT "UnitId"::text FROM kpi_unit_months GROUP BY "UnitId" ORDER BY sum("Counts_Received") DESC LIMIT 1""");
            foreach (var (label, url) in new[]
            {
                ("city, year 2026", "/api/v1/kpis/scorecard?period=2026"),
                ("city, quarter", "/api/v1/kpis/scorecard?period=2026-Q1"),
                ("city, month", "/api/v1/kpis/scorecard?period=2026-03"),
                ("commune level, year", "/api/v1/kpis/scorecard?period=2026&level=commune"),
                ("commune level, month", "/api/v1/kpis/scorecard?period=2026-03&level=commune"),
                ("dashboard, commune level, year", "/staff/kpis?period=2026&level=commune"),
                ("overdue dossiers, city", "/api/v1/kpis/overdue"),
                ("one ward, year", $"/api/v1/kpis/scorecard?period=2026&unit={ward}"),
                ("units ranked, year", "/api/v1/kpis/units?period=2026"),
                ("open data, year", "/api/v1/open-data/kpis?period=2026"),
                ("dashboard page, month", "/staff/kpis?period=2026-03"),
                ("dashboard page, year", "/staff/kpis?period=2026"),
            })
            {
                output.WriteLine($"{label,-30} {await TimeAsync(city.Client, url)}");
            }
        }
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Sequential requests after a warm-up: the scorecard of one person opening the dashboard, not a load test.</summary>
    private static async Task<string> TimeAsync(HttpClient client, string url)
    {
        for (var i = 0; i < 5; i++) (await client.GetAsync(new Uri(url, UriKind.Relative))).EnsureSuccessStatusCode();
        var times = new List<double>();
        for (var i = 0; i < 40; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        times.Sort();
        return string.Create(CultureInfo.InvariantCulture, $"p50 {times[times.Count / 2]:F1} ms, p95 {times[(int)(times.Count * 0.95)]:F1} ms, max {times[^1]:F1} ms");
    }

    private static async Task FillAsync(string connectionString, int dossiers, TextWriter output)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var existing = Convert.ToInt64(await ScalarAsync(connectionString, "SELECT count(*) FROM kpi_dossier_facts"), CultureInfo.InvariantCulture);
        var counted = Convert.ToInt64(await ScalarAsync(connectionString, "SELECT count(*) FROM kpi_procedure_counts"), CultureInfo.InvariantCulture);
        if (existing >= dossiers && counted == 0 && existing > 0)
        {
            var again = Stopwatch.GetTimestamp();
            await BenchPostgres.ExecuteAsync(connection, RollupSql);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"data set: {existing:N0} dossier facts already there; rolled up again in {Stopwatch.GetElapsedTime(again).TotalSeconds:F1} s"));
            return;
        }
        if (existing >= dossiers)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"data set: {existing:N0} dossier facts already there"));
            return;
        }
        var started = Stopwatch.GetTimestamp();
        await BenchPostgres.ExecuteAsync(connection, """
            DROP TABLE IF EXISTS bench_units;
            CREATE TEMP TABLE bench_units AS
            SELECT row_number() OVER (ORDER BY "Code") - 1 AS i, "UnitId" AS id FROM unit_versions WHERE "ValidTo" IS NULL
            """);
        var units = Convert.ToInt64(await ScalarAsync(connection, "SELECT count(*) FROM bench_units"), CultureInfo.InvariantCulture);
        for (long from = existing; from < dossiers; from += Chunk)
        {
            var to = Math.Min(dossiers, from + Chunk);
            // Unit, month and procedure from independent parts of n, so every unit has every month and its 80 procedures.
            // Ids in order (an append to the primary key, not random inserts); 60 % online, 38 % counter, 2 % post;
            // 2 % refused at reception, 1 % withdrawn, 95 % finished (70 % early, 20 % on time, 5 % late), 5 % open.
            await BenchPostgres.ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture, $"""
                INSERT INTO kpi_dossier_facts ("DossierId", "UnitId", "Month", "ProcedureCode", "Channel", "Received", "RefusedAtReception",
                    "Withdrawn", "Outcome", "OpenDueAt", "Finished", "ProcessingMinutes", "ElectronicResult", "OnlineFull", "Digitised",
                    "FeeBearing", "PaidOnline", "PaidAtCounter", "NegativeRating", "SupplementRequests")
                SELECT lpad(to_hex(n), 32, '0')::uuid, u.id, 202501 + (n / {units} % 24) / 12 * 100 + (n / {units} % 24) % 12,
                       'P.' || (n / ({units} * 24) % 80 + 80 * (n % {units} % 3)), CASE WHEN n % 50 < 30 THEN 1 WHEN n % 50 < 49 THEN 0 ELSE 2 END,
                       n % 100 >= 2, n % 100 < 2, n % 100 = 2,
                       CASE WHEN n % 100 < 3 THEN 0 WHEN n % 100 < 73 THEN 1 WHEN n % 100 < 93 THEN 2 WHEN n % 100 < 98 THEN 3 ELSE 4 END,
                       NULL, n % 100 BETWEEN 3 AND 97, CASE WHEN n % 100 BETWEEN 3 AND 97 THEN 1440 + n % 7200 ELSE 0 END,
                       n % 100 BETWEEN 3 AND 90, n % 50 < 30 AND n % 100 >= 2, n % 100 >= 20,
                       n % 3 = 0 AND n % 100 >= 2, n % 6 = 0 AND n % 100 >= 2, n % 6 = 3 AND n % 100 >= 2, n % 97 = 0, 0
                FROM generate_series({from + 1}, {to}) n JOIN bench_units u ON u.i = n % {units}
                """));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {to:N0} facts after {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s"));
        }
        var rollup = Stopwatch.GetTimestamp();
        await BenchPostgres.ExecuteAsync(connection, RollupSql);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"data set: {dossiers - existing:N0} facts in {(rollup - started) / (double)Stopwatch.Frequency:F0} s; full roll-up of every unit and month in {Stopwatch.GetElapsedTime(rollup).TotalSeconds:F1} s"));
        foreach (var table in new[] { "kpi_dossier_facts", "kpi_unit_months", "kpi_procedure_months", "kpi_procedure_counts" })
            await BenchPostgres.ExecuteAsync(connection, $"VACUUM ANALYZE {table}");
        output.WriteLine($"  kpi_unit_months {await ScalarAsync(connection, "SELECT count(*) FROM kpi_unit_months")} rows, kpi_procedure_months {await ScalarAsync(connection, "SELECT count(*) FROM kpi_procedure_months")} rows, facts {await ScalarAsync(connection, "SELECT pg_size_pretty(pg_total_relation_size('kpi_dossier_facts'))")}");
    }

    /// <summary>KpiRollup's sums for every unit and month at once (outcomes: 1 early, 2 on time, 3 late, 4 open in time, 5 overdue; channel 0 counter, 1 online, 2 post).</summary>
    private const string RollupSql = """
        DELETE FROM kpi_unit_months; DELETE FROM kpi_procedure_months;
        INSERT INTO kpi_unit_months ("UnitId", "Month", "Counts_Received", "Counts_Judged", "Counts_Early", "Counts_OnTime", "Counts_Late",
            "Counts_OpenInTime", "Counts_OpenOverdue", "Counts_Withdrawn", "Counts_Finished", "Counts_FinishedMinutes", "Counts_ElectronicResult",
            "Counts_Online", "Counts_OnlineFull", "Counts_Counter", "Counts_Post", "Counts_Digitised", "Counts_FeeBearing", "Counts_PaidOnline",
            "Counts_PaidAtCounter", "Counts_NegativeRating", "Counts_LateOrComplained", "Counts_RefusedAtReception",
            "Counts_ProceduresWithDossiers", "Counts_ProceduresUsedOnline", "Counts_ProceduresFeeBearing", "Counts_ProceduresPaidOnline",
            "Counts_FeedbackReceived", "Counts_FeedbackOnTime", "Counts_FeedbackOpenInTime", "Counts_FeedbackRated", "Counts_FeedbackSatisfied", "Counts_FeedbackReopened")
        SELECT "UnitId", "Month", count(*) FILTER (WHERE "Received"), count(*) FILTER (WHERE "Received" AND NOT "Withdrawn"),
            count(*) FILTER (WHERE "Outcome" = 1), count(*) FILTER (WHERE "Outcome" = 2), count(*) FILTER (WHERE "Outcome" = 3),
            count(*) FILTER (WHERE "Outcome" = 4), count(*) FILTER (WHERE "Outcome" = 5), count(*) FILTER (WHERE "Withdrawn"),
            count(*) FILTER (WHERE "Finished"), coalesce(sum("ProcessingMinutes"), 0), count(*) FILTER (WHERE "ElectronicResult"),
            count(*) FILTER (WHERE "Received" AND "Channel" = 1), count(*) FILTER (WHERE "OnlineFull"),
            count(*) FILTER (WHERE "Received" AND "Channel" = 0), count(*) FILTER (WHERE "Received" AND "Channel" = 2),
            count(*) FILTER (WHERE "Digitised"), count(*) FILTER (WHERE "FeeBearing"), count(*) FILTER (WHERE "PaidOnline"),
            count(*) FILTER (WHERE "PaidAtCounter"), count(*) FILTER (WHERE "NegativeRating"),
            count(*) FILTER (WHERE "Outcome" IN (3, 5) OR ("NegativeRating" AND "Outcome" <> 0)), count(*) FILTER (WHERE "RefusedAtReception"),
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0
        FROM kpi_dossier_facts GROUP BY "UnitId", "Month";
        INSERT INTO kpi_procedure_months ("UnitId", "Month", "ProcedureCode", "Dossiers", "Online", "FeeBearing", "PaidOnline")
        SELECT "UnitId", "Month", "ProcedureCode", count(*), count(*) FILTER (WHERE "Channel" = 1), count(*) FILTER (WHERE "FeeBearing"),
            count(*) FILTER (WHERE "PaidOnline")
        FROM kpi_dossier_facts WHERE "Received" GROUP BY "UnitId", "Month", "ProcedureCode";
        INSERT INTO kpi_procedure_months ("UnitId", "Month", "ProcedureCode", "Dossiers", "Online", "FeeBearing", "PaidOnline")
        SELECT '00000000-0000-0000-0000-000000000000', "Month", "ProcedureCode", sum("Dossiers"), sum("Online"), sum("FeeBearing"), sum("PaidOnline")
        FROM kpi_procedure_months GROUP BY "Month", "ProcedureCode";
        DELETE FROM kpi_procedure_counts;
        CREATE TEMP TABLE bench_periods AS
        SELECT m AS first, m AS last FROM generate_series(2025, 2026) y, generate_series(1, 12) mm, LATERAL (SELECT y * 100 + mm AS m) x
        UNION ALL SELECT y * 100 + q * 3 + 1, y * 100 + q * 3 + 3 FROM generate_series(2025, 2026) y, generate_series(0, 3) q
        UNION ALL SELECT y * 100 + 1, y * 100 + 12 FROM generate_series(2025, 2026) y;
        CREATE TEMP TABLE bench_sums AS
        SELECT p.first || '-' || p.last AS period, m."UnitId" AS unit, CASE WHEN v."Kind" IN ('Ward', 'Commune', 'Township') THEN 'commune'
                   WHEN v."Kind" = 'District' THEN 'district' ELSE 'city' END AS level,
               m."ProcedureCode" AS code, sum(m."Online") AS online, sum(m."FeeBearing") AS fee, sum(m."PaidOnline") AS paid
        FROM kpi_procedure_months m JOIN bench_periods p ON m."Month" BETWEEN p.first AND p.last
        JOIN unit_versions v ON v."UnitId" = m."UnitId" AND v."ValidTo" IS NULL
        GROUP BY 1, 2, 3, 4;
        INSERT INTO kpi_procedure_counts ("Scope", "Period", "Procedures", "UsedOnline", "FeeBearing", "PaidOnline")
        SELECT unit::text, period, count(*), count(*) FILTER (WHERE online > 0), count(*) FILTER (WHERE fee > 0), count(*) FILTER (WHERE paid > 0)
        FROM bench_sums GROUP BY 1, 2
        UNION ALL
        SELECT 'level:' || level, period, count(*), count(*) FILTER (WHERE online > 0), count(*) FILTER (WHERE fee > 0), count(*) FILTER (WHERE paid > 0)
        FROM (SELECT level, period, code, sum(online) AS online, sum(fee) AS fee, sum(paid) AS paid FROM bench_sums GROUP BY 1, 2, 3) l GROUP BY 1, 2
        UNION ALL
        SELECT 'all', period, count(*), count(*) FILTER (WHERE online > 0), count(*) FILTER (WHERE fee > 0), count(*) FILTER (WHERE paid > 0)
        FROM (SELECT period, code, sum(online) AS online, sum(fee) AS fee, sum(paid) AS paid FROM bench_sums GROUP BY 1, 2) c GROUP BY 1, 2;
        DROP TABLE bench_periods; DROP TABLE bench_sums;
        """;

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return await ScalarAsync(connection, sql);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 3600 };
        return await command.ExecuteScalarAsync();
    }
}
