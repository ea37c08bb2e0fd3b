using System.Globalization;

namespace MotCua.Bench;

/// <summary>
/// The product on PostgreSQL with the large data set (BENCH_DOSSIERS, 1,000,000 by default) in the database
/// motcua_bench_large, kept between runs because writing it takes minutes; plus signed-in officers.
/// </summary>
internal sealed class LargeProduct : IAsyncDisposable
{
    private readonly string _folder;

    private LargeProduct(string folder, string connectionString, ProductServer server, HttpClient citizen, Filing filing, Lifecycle lifecycle)
    {
        _folder = folder;
        ConnectionString = connectionString;
        Server = server;
        Citizen = citizen;
        Filing = filing;
        Lifecycle = lifecycle;
    }

    public string ConnectionString { get; }
    public ProductServer Server { get; }
    public HttpClient Citizen { get; }
    public Filing Filing { get; }
    public Lifecycle Lifecycle { get; }

    public static async Task<LargeProduct> StartAsync(TextWriter output)
    {
        var connectionString = await BenchPostgres.DatabaseAsync("motcua_bench_large", fresh: false);
        var folder = Directory.CreateTempSubdirectory("motcua-bench-").FullName;
        var server = new ProductServer(folder, connectionString, BenchSettings.Server);
        var citizen = Filing.LoadClient(server.BaseAddress);
        await server.WaitForFirstPageAsync(citizen, "/health/ready", TimeSpan.FromMinutes(3));
        var filing = await Filing.AtDemoWardAsync(connectionString);
        var lifecycle = await Lifecycle.StartAsync(server.BaseAddress, filing, citizen);
        await DossierDataset.EnsureAsync(connectionString, lifecycle, BenchSettings.Dossiers(), output);
        await BenchPostgres.DrainOutboxAsync(connectionString, output, TimeSpan.FromMinutes(15));
        await BenchPostgres.PrewarmAsync(connectionString, output);
        return new LargeProduct(folder, connectionString, server, citizen, filing, lifecycle);
    }

    /// <summary>One open-loop run with the server's memory and CPU beside it.</summary>
    public async Task<OpenLoopResult> MeasureAsync(double rate, TimeSpan duration, Func<long, Task<string?>> operation, TextWriter output, string label = "")
    {
        await using var memory = new ServerMemory(Server.ProcessId);
        var result = await OpenLoop.RunAsync(rate, duration, operation);
        var described = await memory.DescribeAsync(Citizen, Server.BaseAddress);
        output.WriteLine($"{label}{result}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  server: {memory.CpuSecondsUsed * 1000 / Math.Max(1, result.Sent - result.ErrorCount):F2} ms CPU per operation; {described}"));
        return result;
    }

    public ValueTask DisposeAsync()
    {
        Lifecycle.Dispose();
        Citizen.Dispose();
        Server.Dispose();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
