using MotCua.Web.Tests.Infrastructure;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MotCua.Browser.Tests.Infrastructure;

/// <summary>
/// The real product on Kestrel, on a free loopback port, over a fresh database seeded with the demo city:
/// the browser talks to it over real HTTP, exactly as a citizen's browser would.
/// </summary>
public sealed class ProductServer : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database = new();

    public ProductServer()
    {
        // Port 0: the operating system picks a free one, so parallel runs never collide.
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel started but reported no address to browse to.");
        BaseUrl = address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    /// <summary>For example http://127.0.0.1:41234, without a trailing slash.</summary>
    public string BaseUrl { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:MotCua", _database.ConnectionString);
        builder.UseSetting("MotCua:Demo", "true");
        // The feedback test reads its report back in public at once (the web tests cover moderation before publishing).
        builder.UseSetting("MotCua:Feedback:ModerateBeforePublishing", "false");
        builder.UseSetting("MotCua:ApplyBundledReforms", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Every test client shares one address: the per-address limits are tested on their own (PublicRateLimitTests).
        builder.UseSetting("MotCua:RateLimits:SubmissionsPerMinute", "100000");
        builder.UseSetting("MotCua:RateLimits:PublicApiPerMinute", "100000");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _database.Dispose();
    }
}

/// <summary>
/// Every browser test shares one product server: seeding the city takes seconds, a browser context a few
/// milliseconds. Tests that change data (a failed sign-in) change only what no other test reads.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ProductServer>
{
    public const string Name = "browser";
}
