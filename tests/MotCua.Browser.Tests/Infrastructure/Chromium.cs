namespace MotCua.Browser.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright; never a browser Playwright downloads (there is no internet).
/// One browser per test class; each test opens its own context, so no cookie or storage leaks between tests.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string PathVariable = "MOTCUA_CHROMIUM";

    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not started.");

    public async Task InitializeAsync()
    {
        var executable = FindExecutable();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = executable,
            Headless = true,
            Args = Arguments,
            Timeout = 60_000,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }

    /// <summary>MOTCUA_CHROMIUM if set, else `command -v chromium`, else /usr/bin/chromium.</summary>
    public static string FindExecutable()
    {
        var configured = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? configured
                : throw new InvalidOperationException($"{PathVariable}={configured}, but there is no file there.");
        }
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "chromium"))
            .FirstOrDefault(File.Exists);
        const string debian = "/usr/bin/chromium";
        return onPath ?? (File.Exists(debian) ? debian : throw new InvalidOperationException(
            "Chromium is not installed: the browser tests drive Debian's chromium package. Install it with " +
            "`apt-get install chromium fonts-noto-core` (./test.sh does this), or point " + PathVariable +
            " at a Chromium binary."));
    }
}
