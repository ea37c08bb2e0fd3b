using System.Globalization;

namespace MotCua.Bench;

/// <summary>
/// Time from starting the product to its first served page, on the embedded default (SQLite): first start
/// on an empty database (migrate and seed the whole demo city and catalogue) and later starts.
/// </summary>
internal sealed class StartupScenario : IScenario
{
    private const int ColdRuns = 3;
    private const int WarmRuns = 5;

    public string Name => "startup";

    public string Description => "start to first served page (SQLite): first start with seeding, then restarts";

    public void Run(TextWriter output) => RunAsync(output).GetAwaiter().GetResult();

    private static async Task RunAsync(TextWriter output)
    {
        var cold = new List<double>();
        var warm = new List<double>();
        for (var run = 0; run < ColdRuns; run++)
        {
            var folder = Directory.CreateTempSubdirectory("motcua-bench-").FullName;
            try
            {
                cold.Add(await FirstPageAsync(folder));
                for (var restart = 0; restart < (run == 0 ? WarmRuns : 0); restart++) warm.Add(await FirstPageAsync(folder));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        output.WriteLine(Line("first start (migrate + seed)", cold));
        output.WriteLine(Line("restart (existing database)", warm));
    }

    private static async Task<double> FirstPageAsync(string folder)
    {
        using var server = new ProductServer(folder);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var elapsed = await server.WaitForFirstPageAsync(client, "/", TimeSpan.FromMinutes(3));
        return elapsed.TotalMilliseconds;
    }

    private static string Line(string label, List<double> values) => string.Create(CultureInfo.InvariantCulture,
        $"{label,-30} n={values.Count}  min {values.Min():F0} ms  median {values.Order().ElementAt(values.Count / 2):F0} ms  max {values.Max():F0} ms");
}
