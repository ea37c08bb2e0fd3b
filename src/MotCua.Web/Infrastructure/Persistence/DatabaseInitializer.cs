using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Infrastructure.Persistence;

public static class DatabaseInitializer
{
    /// <summary>
    /// Brings the schema up to date and, on an empty database, seeds the demo city and the catalogue.
    /// Then prints where the product listens and the demo sign-ins, for the person who just started it.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<MotCuaOptions>>().Value;
        await MigrateAndSeedAsync(app.Services);
        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app, options));
    }

    /// <summary>
    /// The schema and the seed, without serving: what every instance does at start-up, and what the `migrate` command
    /// does alone so that an upgrade migrates once before the instances restart (docs/operations.md).
    /// </summary>
    public static async Task MigrateAndSeedAsync(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<MotCuaOptions>>().Value;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("MotCua.Startup");
        var pending = await db.Database.GetPendingMigrationsAsync();
        await db.Database.MigrateAsync();
        await Privacy.PersonalDataBackfill.RunAsync(db, log, CancellationToken.None,
            rewrite: pending.Any(m => m.EndsWith("_" + Privacy.PersonalDataBackfill.ProtectingMigration, StringComparison.Ordinal)));
        if (options.Seed)
        {
            var seeder = scope.ServiceProvider.GetRequiredService<CitySeeder>();
            await seeder.SeedAsync(options, CancellationToken.None);
        }
        log.LogInformation("Database ready ({Provider}, {Applied} migrations applied)", db.Database.ProviderName, pending.Count());
    }
}
