using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MotCua.Web.Features.Organization.Boundaries;
using MotCua.Web.Features.Organization.Seeding;
using NetTopologySuite.Features;

namespace MotCua.Bench;

/// <summary>
/// Point-in-polygon routing of a feedback report: the product's own outline structure (<see cref="BoundaryOutlines"/>,
/// what <c>BoundaryIndex</c> serves from memory) over the bundled outlines of the city and its 30 districts, asked
/// for random pins across the city's bounding box (inside and outside the city, as reports come). In-process: the
/// database is read only when the outlines change.
/// </summary>
internal sealed class RoutingScenario : IScenario
{
    private const int Warmup = 20_000;
    private const int Pins = 200_000;

    public string Name => "routing";

    public string Description => $"feedback routing: point in polygon over the city's outlines ({Pins:N0} random pins, in-process)";

    public void Run(TextWriter output)
    {
        using var file = File.OpenRead(Path.Combine(SeedFiles.Root, "units", CitySeeder.BoundaryFile));
        var features = JsonSerializer.Deserialize<FeatureCollection>(file, BoundaryImport.GeoJson)!;
        var outlines = BoundaryOutlines.Build(features.Select(f => (Guid.NewGuid(), f.Geometry)), new Dictionary<Guid, (DateOnly?, Guid?)>());
        var envelope = features.Select(f => f.Geometry.EnvelopeInternal).Aggregate((a, b) => { a.ExpandToInclude(b); return a; });
        var random = new Random(42);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var samples = new double[Pins];
        var inside = 0;
        for (var i = 0; i < Warmup + Pins; i++)
        {
            var lat = envelope.MinY + random.NextDouble() * envelope.Height;
            var lon = envelope.MinX + random.NextDouble() * envelope.Width;
            var start = Stopwatch.GetTimestamp();
            var hits = outlines.Locate(lat, lon, today);
            var took = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (i < Warmup) continue;
            samples[i - Warmup] = took;
            if (hits.Count > 0) inside++;
        }
        Array.Sort(samples);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {outlines.Count} outlines; {inside * 100.0 / Pins:F1} % of pins inside the city"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  locate   median {Latencies.Percentile(samples, 50) * 1000,7:F1} µs   p99 {Latencies.Percentile(samples, 99) * 1000,7:F1} µs   p99.9 {Latencies.Percentile(samples, 99.9) * 1000,7:F1} µs   max {samples[^1] * 1000,7:F1} µs"));
    }
}
