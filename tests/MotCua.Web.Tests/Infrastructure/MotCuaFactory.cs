using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Tests.Infrastructure;

/// <summary>The real host on a real, fresh database. Reforms can be left out to apply them in a test.</summary>
public class MotCuaFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database = new();

    protected virtual bool ApplyBundledReforms => true;

    public string ConnectionString => _database.ConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:MotCua", _database.ConnectionString);
        builder.UseSetting("MotCua:Demo", "true");
        // One key for every host in this process (PersonalData allows one), never the demo's key file.
        builder.UseSetting("MotCua:PersonalData:Key", TestKeys.PersonalData);
        builder.UseSetting("MotCua:ApplyBundledReforms", ApplyBundledReforms ? "true" : "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Every test client shares one address and signs the same accounts in many times a minute: the limits are
        // tested on their own (PublicRateLimitTests, the staff sign-in tests).
        builder.UseSetting("MotCua:RateLimits:SubmissionsPerMinute", "100000");
        builder.UseSetting("MotCua:RateLimits:PublicApiPerMinute", "100000");
        builder.UseSetting("MotCua:RateLimits:StaffSignInPerAddressPerMinute", "100000");
        builder.UseSetting("MotCua:RateLimits:StaffSignInPerAccountPerMinute", "100000");
        // Tests read their own writes at once; PublicListCacheTests turn the public list cache on.
        builder.UseSetting("MotCua:PublicListCache:Seconds", "0");
        // Most tests file a report and read it back in public at once; PreModerationTests cover the default (moderate first).
        builder.UseSetting("MotCua:Feedback:ModerateBeforePublishing", "false");
        // The product reaches the bundled VNeID stand-in (its own in-memory server) for discovery and tokens.
        builder.ConfigureTestServices(services => services.AddOptions<OpenIdConnectOptions>(VNeIdSignIn.Scheme)
            .Configure<IServer>((o, server) => { if (server is TestServer test) o.BackchannelHttpHandler = test.CreateHandler(); }));
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<T> WithDbAsync<T>(Func<MotCuaDbContext, Task<T>> work) =>
        WithScopeAsync(sp => work(sp.GetRequiredService<MotCuaDbContext>()));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _database.Dispose();
    }
}

public static class TestKeys
{
    public const string PersonalData = "dGVzdC1vbmx5LXBlcnNvbmFsLWRhdGEta2V5LTMyYnl0ZXM=";
}

/// <summary>The city as it stood at the end of 2024: for tests that apply the reforms themselves.</summary>
public sealed class Hanoi2024Factory : MotCuaFactory
{
    protected override bool ApplyBundledReforms => false;
}

/// <summary>One seeded city shared by the read-mostly tests; seeding it once keeps the suite fast.</summary>
[CollectionDefinition(Name)]
public sealed class CityCollection : ICollectionFixture<MotCuaFactory>
{
    public const string Name = "city";
}
