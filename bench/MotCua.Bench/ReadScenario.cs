using System.Net;
using Npgsql;

namespace MotCua.Bench;

/// <summary>
/// The officer inbox and the public lookup with the large data set present, at a constant arrival rate
/// (BENCH_RATES, first value; 200/s by default): a ward specialist's views, the city supervisor's (who sees
/// every unit), and lookups by reference plus phone of dossiers picked at random.
/// </summary>
internal sealed class ReadScenario : IScenario
{
    public string Name => "reads";

    public string Description => "GET /api/v1/inbox (ward specialist, city supervisor) and /api/v1/dossiers/lookup with BENCH_DOSSIERS present";

    public void Run(TextWriter output) => RunAsync(output).GetAwaiter().GetResult();

    private static async Task RunAsync(TextWriter output)
    {
        var rate = BenchSettings.Rates("200")[0];
        var duration = BenchSettings.Duration();
        await using var product = await LargeProduct.StartAsync(output);
        using var specialist = await StaffSession.SignInAsync(product.Server.BaseAddress, "chuyenvien@motcua.demo");
        using var supervisor = await StaffSession.SignInAsync(product.Server.BaseAddress, "giamsat@motcua.demo");
        var lookups = await SampleAsync(product.ConnectionString, 20_000);
        string[] views = ["unit", "mine", "dueSoon", "overdue"];

        // BENCH_READS picks among specialist, supervisor and lookup (all by default).
        var reads = (Environment.GetEnvironmentVariable("BENCH_READS") ?? "specialist,supervisor,lookup").Split(',');
        Func<long, Task<string?>> Inbox(StaffSession who) => i => GetAsync(who.Client, $"/api/v1/inbox?view={views[i % views.Length]}");
        Func<long, Task<string?>> Lookup = i =>
        {
            var (code, phone) = lookups[(int)(i % lookups.Count)];
            return GetAsync(product.Citizen, $"/api/v1/dossiers/lookup?code={Uri.EscapeDataString(code)}&phone={phone}");
        };
        // Each read warms up on its own first (a third of BENCH_WARMUP): its code paths are compiled and its pages cached.
        var warm = BenchSettings.WarmUp() / 3;
        async Task MeasureAsync(string name, Func<long, Task<string?>> read, string label)
        {
            if (!reads.Contains(name)) return;
            await OpenLoop.RunAsync(rate, warm, read);
            await product.MeasureAsync(rate, duration, read, output, label);
        }
        await MeasureAsync("specialist", Inbox(specialist), "inbox, ward specialist:    ");
        await MeasureAsync("supervisor", Inbox(supervisor), "inbox, city supervisor:    ");
        await MeasureAsync("lookup", Lookup, "public lookup:             ");
    }

    private static async Task<string?> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode == HttpStatusCode.OK ? null : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Dossiers picked at random, by reference or (for received ones) by code, with the owner's phone.</summary>
    private static async Task<List<(string Code, string Phone)>> SampleAsync(string connectionString, int count)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """SELECT coalesce("Code", "Reference"), "OwnerPhone" FROM dossiers TABLESAMPLE SYSTEM (5) WHERE "OwnerPhone" IS NOT NULL LIMIT @count""", connection);
        command.Parameters.AddWithValue("count", count);
        var sample = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        var cipher = BenchSettings.Cipher();
        while (await reader.ReadAsync()) sample.Add((reader.GetString(0), cipher.Unprotect(reader.GetString(1))));
        return [.. sample.OrderBy(_ => Random.Shared.Next())];
    }
}
