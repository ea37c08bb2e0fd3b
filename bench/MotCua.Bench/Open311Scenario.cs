using System.Globalization;
using System.Net;

namespace MotCua.Bench;

/// <summary>
/// Open311 reads with BENCH_REPORTS feedback reports in the database (1,000,000 by default, database
/// motcua_bench_feedback kept between runs), at a constant arrival rate (BENCH_RATES, first value; 50/s by default):
/// the default list (the last 90 days, up to 1,000 requests), a filtered page (one category, open, 50 a page, a
/// random page of the first 20), a lookup of ids, and one request by id.
/// </summary>
internal sealed class Open311Scenario : IScenario
{
    public string Name => "open311";

    public string Description => "GET /open311/v2/requests.json (default, filtered, by ids) and requests/{id}.json with BENCH_REPORTS present";

    public void Run(TextWriter output) => RunAsync(output).GetAwaiter().GetResult();

    private static async Task RunAsync(TextWriter output)
    {
        var rate = BenchSettings.Rates("50")[0];
        var duration = BenchSettings.Duration();
        var connectionString = await BenchPostgres.DatabaseAsync("motcua_bench_feedback", fresh: false);
        var folder = Directory.CreateTempSubdirectory("motcua-bench-").FullName;
        try
        {
            // The KPI refresh's one-off backfill of a million reports is not what is measured here.
            // Reports published on arrival: the data set is copied from one filed report, which must be public.
            var settings = new Dictionary<string, string>(BenchSettings.Server)
            {
                ["MotCua__Kpis__Refresh__Enabled"] = "false", ["MotCua__Feedback__ModerateBeforePublishing"] = "false",
            };
            // BENCH_LIST_CACHE=0 measures the list without the public list cache (PublicListCache; default 2 s).
            if (Environment.GetEnvironmentVariable("BENCH_LIST_CACHE") is { Length: > 0 } cache) settings["MotCua__PublicListCache__Seconds"] = cache;
            using var server = new ProductServer(folder, connectionString, settings);
            using var client = Filing.LoadClient(server.BaseAddress);
            await server.WaitForFirstPageAsync(client, "/health/ready", TimeSpan.FromMinutes(3));
            var reports = FeedbackDataset.Reports();
            await FeedbackDataset.EnsureAsync(connectionString, client, reports, output);
            await BenchPostgres.PrewarmAsync(connectionString, output);

            string[] categories = ["chieu-sang", "rac-thai", "cay-xanh", "duong-via-he", "trat-tu-do-thi"];
            string Number(long i) => string.Create(CultureInfo.InvariantCulture, $"PA-BENCH-{(i * 7919 % reports) + 1:00000000}");
            (string Label, Func<long, string> Path)[] reads =
            [
                ("requests.json, default (90 days, 1,000 rows):", _ => "/open311/v2/requests.json"),
                ("requests.json, category+open, page of 50:      ",
                    i => $"/open311/v2/requests.json?service_code={categories[i % categories.Length]}&status=open&page_size=50&page={i % 20 + 1}"),
                ("requests.json?service_request_id= (3 ids):      ", i => $"/open311/v2/requests.json?service_request_id={Number(i)},{Number(i + 1)},{Number(i + 2)}"),
                ("requests/{id}.json:                            ", i => $"/open311/v2/requests/{Number(i)}.json"),
            ];
            var only = Environment.GetEnvironmentVariable("BENCH_READS");
            foreach (var (read, index) in reads.Select((r, i) => (r, i)))
            {
                if (only is not null && !only.Split(',').Contains(index.ToString(CultureInfo.InvariantCulture))) continue;
                Func<long, Task<string?>> operation = i => GetAsync(client, read.Path(i));
                await OpenLoop.RunAsync(rate, BenchSettings.WarmUp() / reads.Length, operation);
                await using var memory = new ServerMemory(server.ProcessId);
                var result = await OpenLoop.RunAsync(rate, duration, operation);
                output.WriteLine($"{read.Label} {result}");
                var described = await memory.DescribeAsync(client, server.BaseAddress);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  server: {memory.CpuSecondsUsed * 1000 / Math.Max(1, result.Sent - result.ErrorCount):F2} ms CPU per operation; {described}"));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string?> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode == HttpStatusCode.OK ? null : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
    }
}
