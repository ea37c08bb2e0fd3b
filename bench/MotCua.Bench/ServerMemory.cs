using System.Globalization;
using System.Text.RegularExpressions;

namespace MotCua.Bench;

/// <summary>
/// The product's memory while a load runs: resident set size sampled from /proc every 250 ms (peak kept), and
/// the GC's committed memory and heap as the product itself reports them on /metrics.
/// </summary>
internal sealed partial class ServerMemory : IAsyncDisposable
{
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;

    public ServerMemory(int pid)
    {
        _pid = pid;
        _cpuAtStart = CpuSeconds(pid);
        _sampler = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                PeakRssBytes = Math.Max(PeakRssBytes, RssBytes(_pid));
                try { await Task.Delay(250, _stop.Token); } catch (OperationCanceledException) { }
            }
        });
    }

    private readonly double _cpuAtStart;

    public long PeakRssBytes { get; private set; }

    /// <summary>User plus system CPU time the product used since this sampler started (from /proc/pid/stat, in clock ticks of 10 ms).</summary>
    public double CpuSecondsUsed => CpuSeconds(_pid) - _cpuAtStart;

    private static double CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // Fields 14 and 15 of stat (utime, stime) are the 12th and 13th after the command name.
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public static long RssBytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(Digits().Match(line).Value, CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>"peak RSS …, GC committed …, GC heap …" with the heap summed over generations at the last collection.</summary>
    public async Task<string> DescribeAsync(HttpClient client, Uri baseAddress)
    {
        var metrics = await client.GetStringAsync(new Uri(baseAddress, "/metrics"));
        double Sum(string name) => metrics.Split('\n').Where(l => l.StartsWith(name, StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
        return string.Create(CultureInfo.InvariantCulture,
            $"CPU {CpuSecondsUsed:F1} s; peak RSS {PeakRssBytes / 1048576.0:F0} MiB, now {RssBytes(_pid) / 1048576.0:F0} MiB; GC committed {Sum("dotnet_gc_last_collection_memory_committed_size_bytes") / 1048576.0:F0} MiB, " +
            $"GC heap {Sum("dotnet_gc_last_collection_heap_size_bytes") / 1048576.0:F0} MiB; gen2 collections {Gen2(metrics)}");
    }

    private static string Gen2(string metrics) =>
        metrics.Split('\n').FirstOrDefault(l => l.StartsWith("dotnet_gc_collections_total", StringComparison.Ordinal) && l.Contains("gen2", StringComparison.Ordinal))?.Split(' ')[^1] ?? "?";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampler;
        _stop.Dispose();
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();
}
