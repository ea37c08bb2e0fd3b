using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace MotCua.Durability.Tests.ScaleOut;

/// <summary>
/// Citizens filing online through nginx, as many at once as there are workers, optionally paced to a total rate.
/// Each filing has its own Idempotency-Key and is sent until it is acknowledged (201), whatever fails in between:
/// a dead instance, a restarting database. Every attempt is recorded with its time, so the test can say when errors
/// happened and how long each fault cost. Stopping starts no new filing but finishes the ones under way, so every
/// key ends acknowledged and the exactly-once check has no unknowns.
/// </summary>
internal sealed class FilingLoad(HttpClient client, Uri target, string unit, Stopwatch clock)
{
    public sealed record Attempt(double At, double Seconds, int Status, string Key);

    private long _next;
    private long _slot;

    public ConcurrentQueue<Attempt> Attempts { get; } = new();

    /// <summary>Seconds on the load's clock, the time base of every attempt.</summary>
    public double Now => clock.Elapsed.TotalSeconds;

    /// <summary>Key → dossier id, for every acknowledged filing.</summary>
    public ConcurrentDictionary<string, Guid> Acknowledged { get; } = new(StringComparer.Ordinal);

    public async Task RunAsync(string phase, int workers, double? perSecond, CancellationToken stop)
    {
        _slot = 0;
        var started = clock.Elapsed.TotalSeconds;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkerAsync(phase, perSecond, started, stop))));
    }

    private async Task WorkerAsync(string phase, double? perSecond, double started, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            if (perSecond is { } rate)
            {
                var due = started + Interlocked.Increment(ref _slot) / rate;
                var wait = due - clock.Elapsed.TotalSeconds;
                if (wait > 0)
                {
                    try { await Task.Delay(TimeSpan.FromSeconds(wait), stop); }
                    catch (TaskCanceledException) { return; }
                }
            }
            var n = Interlocked.Increment(ref _next);
            await FileUntilAcknowledgedAsync(string.Create(CultureInfo.InvariantCulture, $"{phase}-{n}"),
                string.Create(CultureInfo.InvariantCulture, $"09{n % 100_000_000:D8}"));
        }
    }

    private async Task FileUntilAcknowledgedAsync(string key, string phone)
    {
        // Bounded: a filing that cannot be acknowledged in two minutes is a failure the test reports, not a hang.
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            var at = clock.Elapsed.TotalSeconds;
            int status;
            try
            {
                using var response = await OnlineFiling.FileAsync(client, target, unit, key, phone, limit.Token);
                status = (int)response.StatusCode;
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    var body = await response.Content.ReadAsStreamAsync(limit.Token);
                    Acknowledged[key] = (await JsonDocument.ParseAsync(body, cancellationToken: limit.Token)).RootElement.GetProperty("id").GetGuid();
                }
                else if (status < 500 && status != 429)
                {
                    throw new InvalidOperationException($"{key}: the product refused a valid filing with {status}: {await response.Content.ReadAsStringAsync(limit.Token)}");
                }
            }
            catch (HttpRequestException)
            {
                status = 0; // no connection or a connection cut: no answer is no acknowledgement
            }
            catch (TaskCanceledException) when (!limit.IsCancellationRequested)
            {
                status = -1; // the client's own timeout
            }
            Attempts.Enqueue(new Attempt(at, clock.Elapsed.TotalSeconds - at, status, key));
            if (status == 201) return;
            await Task.Delay(100, limit.Token);
        }
    }

    /// <summary>Acknowledgements per second and latencies of the successful attempts started in [from, to).</summary>
    public (double PerSecond, double P50Ms, double P99Ms, double MaxMs, int Errors) Summary(double from, double to)
    {
        var window = Attempts.Where(a => a.At >= from && a.At < to).ToList();
        var ok = window.Where(a => a.Status == 201).Select(a => a.Seconds * 1000).Order().ToList();
        double Percentile(double p) => ok.Count == 0 ? double.NaN : ok[Math.Min(ok.Count - 1, (int)Math.Ceiling(p * ok.Count) - 1)];
        return (ok.Count / (to - from), Percentile(0.50), Percentile(0.99), ok.Count == 0 ? double.NaN : ok[^1], window.Count(a => a.Status != 201));
    }

    /// <summary>
    /// The failed attempts that ended in [from, to) — a request cut off by a fault started before it — with when the
    /// last one ended and what they were (HTTP status; 0 = connection refused or cut, -1 = no answer in time).
    /// </summary>
    public (int Errors, double LastAt, string Kinds) Errors(double from, double to)
    {
        var failed = Attempts.Where(a => a.Status != 201 && a.At + a.Seconds >= from && a.At + a.Seconds < to).ToList();
        var kinds = string.Join(", ", failed.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()}× {g.Key}"));
        return failed.Count == 0 ? (0, double.NaN, "none") : (failed.Count, failed.Max(a => a.At + a.Seconds), kinds);
    }
}
