using System.Diagnostics;
using System.Globalization;

namespace MotCua.Bench;

/// <summary>Latencies of repeated operations, summarised as percentiles and throughput.</summary>
internal sealed class Latencies(int capacity)
{
    private readonly double[] milliseconds = new double[capacity];
    private int count;

    public int Count => count;

    public void Add(long startTimestamp, long endTimestamp) =>
        milliseconds[count++] = (endTimestamp - startTimestamp) * 1000.0 / Stopwatch.Frequency;

    /// <summary>Nearest-rank percentile over the recorded values.</summary>
    public static double Percentile(double[] sorted, double percent)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static string Summary(IEnumerable<Latencies> parts, TimeSpan wallClock)
    {
        var all = parts.SelectMany(p => p.milliseconds.Take(p.count)).Order().ToArray();
        var throughput = all.Length / wallClock.TotalSeconds;
        return string.Create(CultureInfo.InvariantCulture,
            $"n={all.Length,6}  p50 {Percentile(all, 50):F4} ms  p95 {Percentile(all, 95):F4} ms  " +
            $"p99 {Percentile(all, 99):F4} ms  max {all.LastOrDefault():F3} ms  throughput {throughput,9:N0}/s");
    }
}
