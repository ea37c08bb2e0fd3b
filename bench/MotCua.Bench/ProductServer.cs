using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace MotCua.Bench;

/// <summary>
/// The real product, started as its own process from the Release build, on a loopback port and a database
/// in a temporary folder. Benchmarks measure it from outside, as a browser or an agency's system would.
/// </summary>
internal sealed partial class ProductServer : IDisposable
{
    private readonly Process _process;

    /// <param name="connectionString">PostgreSQL, for the dossier benchmarks; null: SQLite in <paramref name="dataFolder"/>.</param>
    /// <param name="settings">Extra configuration as environment variables (e.g. MotCua__RateLimits__PublicLookupPerMinute).</param>
    public ProductServer(string dataFolder, string? connectionString = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        Port = FreePort();
        var dll = Path.Combine(RepositoryRoot(), "src", "MotCua.Web", "bin", "Release", "net10.0", "MotCua.Web.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"Build first: dotnet build -c Release MotCua.slnx ({dll} is missing).");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString();
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__MotCua"] = connectionString ?? $"Data Source={Path.Combine(dataFolder, "motcua.db")}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>()) start.Environment[name] = value;
        Started = Stopwatch.GetTimestamp();
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    public int ProcessId => _process.Id;

    public long Started { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>Polls until the page answers 200; returns the time since the process was started.</summary>
    public async Task<TimeSpan> WaitForFirstPageAsync(HttpClient client, string path, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The product exited with code {_process.ExitCode}.");
            try
            {
                using var response = await client.GetAsync(new Uri(BaseAddress, path));
                if (response.StatusCode == HttpStatusCode.OK) return Stopwatch.GetElapsedTime(Started);
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(10);
        }
        throw new TimeoutException($"No answer from {path} within {timeout}.");
    }

    /// <summary>Signs in as the demo city administrator, as the sign-in form does (anti-forgery token included).</summary>
    public static async Task SignInAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        var token = TokenField().Match(form).Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token,
        });
        using var response = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), content);
        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in failed: {response.StatusCode}");
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MotCua.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Run the bench from inside the repository.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
