using System.Globalization;

namespace MotCua.Bench;

/// <summary>
/// Whole lifecycles per second (file, accept, claim, forward, approve, result, return: seven requests each) at
/// constant arrival rates with the large data set present, then a burst of five times the best sustained rate.
/// </summary>
internal sealed class LifecycleScenario : IScenario
{
    public string Name => "lifecycle";

    public string Description => "file → accept → claim → forward → approve → result → return per second with BENCH_DOSSIERS present, then a 5× burst";

    public void Run(TextWriter output) => RunAsync(output).GetAwaiter().GetResult();

    private static async Task RunAsync(TextWriter output)
    {
        var rates = BenchSettings.Rates("25,50,100,200,300");
        var duration = BenchSettings.Duration();
        await using var product = await LargeProduct.StartAsync(output);
        var run = Guid.NewGuid().ToString("N")[..8];
        await OpenLoop.RunAsync(rates[0], BenchSettings.WarmUp(), i => product.Lifecycle.RunAsync($"warm-{run}-{i}"));
        OpenLoopResult? best = null;
        foreach (var rate in rates)
        {
            var result = await product.MeasureAsync(rate, duration, i => product.Lifecycle.RunAsync($"life-{run}-{rate}-{i}"), output);
            // Sustained: no errors, kept up with the arrivals, and a whole lifecycle's p99 under a second.
            if (result.ErrorCount == 0 && result.AchievedRate >= 0.95 * rate && result.Percentile(99) < 1_000) best = result;
            else break;
        }
        if (best is null)
        {
            output.WriteLine("no rate was sustained");
            return;
        }
        var burstSeconds = int.Parse(Environment.GetEnvironmentVariable("BENCH_BURST_SECONDS") ?? "5", CultureInfo.InvariantCulture);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sustained {best.TargetRate:N0} lifecycles/s; burst of 5× for {burstSeconds} s:"));
        await product.MeasureAsync(best.TargetRate * 5, TimeSpan.FromSeconds(burstSeconds), i => product.Lifecycle.RunAsync($"burst-{run}-{i}"), output);
    }
}
