using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MotCua.Durability.Tests;

/// <summary>
/// The built product (the same Release output test.sh builds) running as its own operating-system process, so a
/// test can kill it the way a power cut or the OOM killer would: no shutdown hooks, no flushing, no goodbye.
/// </summary>
internal sealed class ProductProcess : IDisposable
{
    /// <summary>The product's personal-data key in these runs: the test reads the protected numbers back with it.</summary>
    public const string PersonalDataKey = "ZHVyYWJpbGl0eS10ZXN0LXBlcnNvbmFsLWRhdGEta2V5IQ==";

    private readonly Process _process;

    private ProductProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Id => _process.Id;

    /// <summary>Starts the product on a fresh loopback port and waits until /health/ready answers 200.</summary>
    public static Task<ProductProcess> StartAsync(string connectionString, TimeSpan timeout)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        var dll = ProductDll();
        var start = new ProcessStartInfo("dotnet", [dll]) { WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString();
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__MotCua"] = connectionString;
        start.Environment["MotCua__Demo"] = "true";
        start.Environment["MotCua__PersonalData__Key"] = PersonalDataKey;
        // One client streams hundreds of filings: the per-address submission limit is not what this test is about.
        start.Environment["MotCua__RateLimits__SubmissionsPerMinute"] = "1000000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return StartAsync(start, baseAddress, timeout);
    }

    /// <summary>Starts the product as <paramref name="start"/> says and waits until <paramref name="baseAddress"/> is ready.</summary>
    public static async Task<ProductProcess> StartAsync(ProcessStartInfo start, Uri baseAddress, TimeSpan timeout)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var product = new ProductProcess(process, baseAddress);
        // Drained so a chatty product never blocks on a full pipe; the last lines are kept for a failure's message.
        process.OutputDataReceived += (_, e) => product.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => product.Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await product.WaitReadyAsync(timeout);
        }
        catch
        {
            product.Dispose();
            throw;
        }
        return product;
    }

    private readonly Queue<string> _lastLines = new();

    private void Remember(string? line)
    {
        if (line is null) return;
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 20) _lastLines.Dequeue();
        }
    }

    /// <summary>The process's last lines of output, for a failure message.</summary>
    public string LastLines()
    {
        lock (_lastLines) return string.Join('\n', _lastLines);
    }

    /// <summary>The product's Release build, where the tests find it (bin/&lt;Configuration&gt;/net10.0).</summary>
    public static string ProductDirectory => Path.GetDirectoryName(ProductDll())!;

    /// <summary>
    /// SIGKILL: .NET's Process.Kill on Unix sends signal 9, which the process cannot catch; the exit status
    /// the runtime reports for a signalled child is 128 + the signal, so 137 proves which signal it was.
    /// </summary>
    public int KillHard()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The product exited with code {_process.ExitCode} before it was ready:\n{LastLines()}");
            try
            {
                using var response = await client.GetAsync(new Uri(BaseAddress, "/health/ready"));
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"The product was not ready within {timeout}:\n{LastLines()}");
    }

    private static string ProductDll()
    {
        // The configuration the tests were built in (bin/<Configuration>/net10.0) is the one the product was built in.
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testBin.Parent!.Name;
        for (var dir = testBin; dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "MotCua.slnx"))) continue;
            var dll = Path.Combine(dir.FullName, "src", "MotCua.Web", "bin", configuration, "net10.0", "MotCua.Web.dll");
            return File.Exists(dll) ? dll : throw new InvalidOperationException($"Build the product first ({dll} is missing).");
        }
        throw new InvalidOperationException("Run the tests from inside the repository.");
    }

    internal static int FreePort()
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
}
