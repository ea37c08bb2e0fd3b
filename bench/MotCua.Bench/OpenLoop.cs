using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace MotCua.Bench;

/// <summary>
/// An open-loop load generator: request i is due at start + i / rate, whether or not earlier ones have been
/// answered, and its latency is measured from when it was due, not from when it was sent. A server that stalls
/// therefore shows the stall in every request queued behind it (no coordinated omission), as real citizens
/// arriving on their own clock would feel it.
/// </summary>
internal static class OpenLoop
{
    /// <summary>Runs <paramref name="operation"/> at a constant rate; it answers null on success or a short error name.</summary>
    public static async Task<OpenLoopResult> RunAsync(double rate, TimeSpan duration, Func<long, Task<string?>> operation)
    {
        var total = (long)(rate * duration.TotalSeconds);
        var latencies = new double[total];
        var failed = new bool[total];
        var errors = new ConcurrentDictionary<string, int>();
        var inFlight = 0;
        var maxInFlight = 0;
        var tasks = new Task[total];
        var start = Stopwatch.GetTimestamp();
        var ticksPerRequest = Stopwatch.Frequency / rate;

        async Task Fire(long i, long due)
        {
            var now = Interlocked.Increment(ref inFlight);
            if (now > Volatile.Read(ref maxInFlight)) Volatile.Write(ref maxInFlight, now);
            string? error;
            try { error = await operation(i); }
            catch (HttpRequestException e) { error = e.HttpRequestError.ToString(); }
            catch (TaskCanceledException) { error = "timeout"; }
            latencies[i] = (Stopwatch.GetTimestamp() - due) * 1000.0 / Stopwatch.Frequency;
            Interlocked.Decrement(ref inFlight);
            if (error is null) return;
            failed[i] = true;
            errors.AddOrUpdate(error, 1, (_, n) => n + 1);
        }

        // A dedicated thread keeps the clock even when the thread pool is busy; it sleeps 1 ms between batches
        // rather than spinning, because on two cores a spinning client would steal a core from the server.
        var scheduler = new Thread(() =>
        {
            for (long i = 0; i < total;)
            {
                var now = Stopwatch.GetTimestamp();
                for (; i < total; i++)
                {
                    var due = start + (long)(i * ticksPerRequest);
                    if (due > now) break;
                    var index = i;
                    tasks[index] = Task.Run(() => Fire(index, due));
                }
                if (i < total) Thread.Sleep(1);
            }
        }) { IsBackground = true, Name = "open-loop clock" };
        scheduler.Start();
        scheduler.Join();
        await Task.WhenAll(tasks);
        var wall = Stopwatch.GetElapsedTime(start);
        return new OpenLoopResult(rate, duration, wall, latencies, failed, errors.ToDictionary(), maxInFlight);
    }
}

internal sealed record OpenLoopResult(double TargetRate, TimeSpan Duration, TimeSpan Wall, double[] Latencies, bool[] Failed,
    IReadOnlyDictionary<string, int> Errors, int MaxInFlight)
{
    public int Sent => Latencies.Length;

    public int ErrorCount => Errors.Values.Sum();

    /// <summary>Successful requests per second over the whole run, including the drain after the last one was sent.</summary>
    public double AchievedRate => (Sent - ErrorCount) / Wall.TotalSeconds;

    /// <summary>Little's law: the average number of requests the server had in hand.</summary>
    public double MeanConcurrency => Latencies.Average() / 1000.0 * Sent / Duration.TotalSeconds;

    public double Percentile(double percent)
    {
        var sorted = Sorted.Value;
        return sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private Lazy<double[]> Sorted => _sorted ??= new Lazy<double[]>(() => Latencies.Order().ToArray());
    private Lazy<double[]>? _sorted;

    public bool Meets(double p99Milliseconds) => ErrorCount == 0 && Percentile(99) < p99Milliseconds;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"target {TargetRate,6:N0}/s  sent {Sent,7:N0}  ok {AchievedRate,7:N0}/s  errors {ErrorCount}  p50 {Percentile(50),7:F1}  p90 {Percentile(90),7:F1}  p99 {Percentile(99),7:F1}  p99.9 {Percentile(99.9),7:F1}  max {Percentile(100),7:F1} ms  in flight max {MaxInFlight}{ErrorList}");

    private string ErrorList => ErrorCount == 0 ? "" : "  (" + string.Join(", ", Errors.Select(e => $"{e.Key}: {e.Value}")) + ")";
}
