using System.Globalization;

namespace MotCua.Bench;

/// <summary>Knobs of the dossier benchmarks, as environment variables so a rerun on a quiet machine is one line.</summary>
internal static class BenchSettings
{
    /// <summary>BENCH_RATES: comma-separated arrival rates per second, tried in order.</summary>
    public static double[] Rates(string defaults) =>
        (Environment.GetEnvironmentVariable("BENCH_RATES") ?? defaults).Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(r => double.Parse(r, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>BENCH_SECONDS: how long each rate is held (60 by default).</summary>
    public static TimeSpan Duration() =>
        TimeSpan.FromSeconds(int.Parse(Environment.GetEnvironmentVariable("BENCH_SECONDS") ?? "60", CultureInfo.InvariantCulture));

    /// <summary>
    /// BENCH_WARMUP: seconds of load before measuring (30 by default). The runtime keeps recompiling hot methods with
    /// what it learnt (tiered PGO) for the first half-minute of load; a server runs for weeks, so that is not measured.
    /// </summary>
    public static TimeSpan WarmUp() =>
        TimeSpan.FromSeconds(int.Parse(Environment.GetEnvironmentVariable("BENCH_WARMUP") ?? "30", CultureInfo.InvariantCulture));

    /// <summary>The benchmark's own personal-data key (32 bytes, base64): benchmark data only.</summary>
    public const string PersonalDataKey = "YmVuY2gtb25seS1wZXJzb25hbC1kYXRhLWtleS0zMmI=";

    public static MotCua.Domain.Privacy.PersonalDataCipher Cipher() => new(Convert.FromBase64String(PersonalDataKey));

    /// <summary>BENCH_DOSSIERS: the size of the data set the lifecycle and read scenarios run against.</summary>
    public static int Dossiers() =>
        int.Parse(Environment.GetEnvironmentVariable("BENCH_DOSSIERS") ?? "1000000", CultureInfo.InvariantCulture);

    /// <summary>The product as deployed, except that the per-address rate limits (every request comes from this one machine) must not be what is measured.</summary>
    public static readonly IReadOnlyDictionary<string, string> Server = new Dictionary<string, string>
    {
        ["MotCua__Demo"] = "true",
        // A known key, so the data set's SQL writes personal identifiers the way the product protects them.
        ["MotCua__PersonalData__Key"] = PersonalDataKey,
        ["MotCua__RateLimits__PublicLookupPerMinute"] = "100000000",
        ["MotCua__RateLimits__SubmissionsPerMinute"] = "100000000",
        ["MotCua__RateLimits__PublicApiPerMinute"] = "100000000",
    };
}
