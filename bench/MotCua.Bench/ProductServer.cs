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
        // The demo banner prints each demo account's authenticator key: the officers' sign-ins need their codes.
        _process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { } text && DemoKeyLine().Match(text) is { Success: true } m) DemoKeys[m.Groups[1].Value] = m.Groups[2].Value;
        };
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
    /// <summary>Authenticator keys of the demo accounts, by e-mail, as the started products printed them.</summary>
    public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> DemoKeys = new(StringComparer.OrdinalIgnoreCase);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> LastStep = new(StringComparer.OrdinalIgnoreCase);
    private static readonly SemaphoreSlim SignInSteps = new(1, 1);

    /// <summary>Signs a demo officer in: the password, then the code of the account's authenticator key (RFC 6238).</summary>
    public static async Task SignInAsync(HttpClient client, string email, string password)
    {
        var next = await PostFormAsync(client, "/account/sign-in", new() { ["Email"] = email, ["Password"] = password });
        if (next == "/account/two-factor")
        {
            if (!DemoKeys.TryGetValue(email, out var key)) throw new InvalidOperationException($"No demo authenticator key printed for {email}.");
            // A code is accepted once: the same officer signing in again (the reads after the lifecycle set-up) waits for the next one.
            await SignInSteps.WaitAsync();
            try
            {
                var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
                if (LastStep.TryGetValue(email, out var last) && last >= step)
                    await Task.Delay(TimeSpan.FromSeconds((step + 1) * 30 - DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1));
                LastStep[email] = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
                next = await PostFormAsync(client, "/account/two-factor", new() { ["Code"] = Totp.Now(key) });
            }
            finally
            {
                SignInSteps.Release();
            }
        }
        if (next is null || next.StartsWith("/account/", StringComparison.Ordinal))
            throw new InvalidOperationException($"Sign-in of {email} stopped at {next ?? "an error"}.");
    }

    /// <summary>Posts a page's form with its anti-forgery token; the redirect's target, or null when there was none.</summary>
    private static async Task<string?> PostFormAsync(HttpClient client, string page, Dictionary<string, string> fields)
    {
        var form = await client.GetStringAsync(new Uri(page, UriKind.Relative));
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(TokenField().Match(form).Groups[1].Value);
        using var content = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync(new Uri(page, UriKind.Relative), content);
        if (response.StatusCode == HttpStatusCode.Redirect) return response.Headers.Location?.OriginalString;
        throw new InvalidOperationException($"POST {page} answered {(int)response.StatusCode}: {Shorten(await response.Content.ReadAsStringAsync())}");
    }

    private static string Shorten(string html)
    {
        var main = html.IndexOf("<main", StringComparison.Ordinal);
        var text = main < 0 ? html : html[main..];
        return text.Length > 600 ? text[..600] : text;
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

    [GeneratedRegex(@"^\s+(\S+@\S+)\s+key ([A-Z2-7]+)\s")]
    private static partial Regex DemoKeyLine();
}
