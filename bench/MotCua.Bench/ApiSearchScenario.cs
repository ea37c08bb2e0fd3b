using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace MotCua.Bench;

/// <summary>
/// Catalogue search through the whole stack: HTTP, routing, the published-catalogue snapshot and the index,
/// with 2,000 procedures (the 144 real ones plus variants imported through the administrators' import API).
/// </summary>
internal sealed class ApiSearchScenario : IScenario
{
    private const int Procedures = 2_000;
    private const int WarmUp = 1_000;
    private const int Measured = 10_000;

    private static readonly string[] Queries =
    [
        "dang ky khai sinh", "dang ki khai sinh", "khai sinh", "Đăng ký khai sinh", "ket hon", "khai tu", "ly lich tu phap",
        "chung thuc ban sao", "chứng thực chữ ký", "giay phep xay dung", "ho kinh doanh", "thuong tru", "tam tru",
        "can cuoc", "ho chieu", "dat dai", "quyen su dung dat", "1.001193", "khai sin", "giay fep xay dung",
        "trich luc", "nhan cha me con", "giam ho", "bao hiem y te", "dang ky xe", "doanh nghiep", "thue thu nhap ca nhan",
        "an toan thuc pham", "ho ngheo", "cai nghien",
    ];

    public string Name => "api-search";

    public string Description => $"GET /api/v1/procedures?q= over {Procedures:N0} published procedures, end to end";

    public void Run(TextWriter output) => RunAsync(output).GetAwaiter().GetResult();

    private static async Task RunAsync(TextWriter output)
    {
        var folder = Directory.CreateTempSubdirectory("motcua-bench-").FullName;
        try
        {
            using var server = new ProductServer(folder, settings: BenchSettings.Server);
            using var handler = new HttpClientHandler { UseCookies = true, AllowAutoRedirect = false };
            using var client = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
            await server.WaitForFirstPageAsync(client, "/health/ready", TimeSpan.FromMinutes(3));
            await ProductServer.SignInAsync(client, "admin@motcua.demo", "MotCua-demo-2026!");
            await ImportVariantsAsync(client, output);

            await MeasureAsync(client, WarmUp, 1, [new Latencies(WarmUp)]);
            var single = new Latencies(Measured);
            var wall = await MeasureAsync(client, Measured, 1, [single]);
            output.WriteLine($"1 client   {Latencies.Summary([single], wall)}");
            var pair = new[] { new Latencies(Measured), new Latencies(Measured) };
            wall = await MeasureAsync(client, Measured, 2, pair);
            output.WriteLine($"2 clients  {Latencies.Summary(pair, wall)}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task ImportVariantsAsync(HttpClient client, TextWriter output)
    {
        var real = (await client.GetFromJsonAsync<JsonArray>(new Uri("/api/v1/catalog/export", UriKind.Relative)))!;
        var variants = new JsonArray();
        for (var i = 0; variants.Count + real.Count < Procedures; i++)
        {
            var copy = real[i % real.Count]!.DeepClone().AsObject();
            copy["nationalCode"] = string.Create(CultureInfo.InvariantCulture, $"9.{100000 + i}");
            copy.Remove("localCode");
            copy["name"] = $"{copy["name"]} (biến thể {i / real.Count + 1} – {Districts[i % Districts.Length]})";
            variants.Add(copy);
        }
        var started = Stopwatch.GetTimestamp();
        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/catalog/import?publish=true", UriKind.Relative), variants);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Import failed: {await response.Content.ReadAsStringAsync()}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"imported {variants.Count:N0} procedures in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s; catalogue now {real.Count + variants.Count:N0}"));
        // The first search after an import rebuilds the snapshot; time it separately from the steady state.
        started = Stopwatch.GetTimestamp();
        await client.GetStringAsync(new Uri("/api/v1/procedures?q=khai+sinh", UriKind.Relative));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first search after the import (index rebuild): {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms"));
    }

    private static readonly string[] Districts = ["Ba Đình", "Hoàn Kiếm", "Tây Hồ", "Long Biên", "Cầu Giấy", "Đống Đa", "Hai Bà Trưng", "Hoàng Mai", "Thanh Xuân", "Hà Đông"];

    private static async Task<TimeSpan> MeasureAsync(HttpClient client, int count, int clients, IReadOnlyList<Latencies> sinks)
    {
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            for (var i = 0; i < count / clients; i++)
            {
                var q = Uri.EscapeDataString(Queries[(i + c) % Queries.Length]);
                var t0 = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(new Uri($"/api/v1/procedures?q={q}&pageSize=20", UriKind.Relative));
                await response.Content.ReadAsByteArrayAsync();
                sinks[c].Add(t0, Stopwatch.GetTimestamp());
                response.EnsureSuccessStatusCode();
            }
        })));
        return Stopwatch.GetElapsedTime(started);
    }
}
