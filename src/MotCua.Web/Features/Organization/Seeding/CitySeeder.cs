using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Catalog.Seeding;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Organization.Seeding;

/// <summary>
/// Seeds an empty database with the demo city: Hanoi as it stood before 2025, then the real reforms applied
/// as dated reorganisations (the same operation an administrator uses), then the catalogue and demo staff.
/// </summary>
public sealed class CitySeeder(
    MotCuaDbContext db, HanoiBaseline baseline, HanoiReforms reforms, CatalogSeeder catalog, DemoStaffSeeder staff,
    ILogger<CitySeeder> log)
{
    public async Task SeedAsync(MotCuaOptions options, CancellationToken ct)
    {
        if (!await db.Units.AnyAsync(ct))
        {
            await baseline.SeedAsync(ct);
            log.LogInformation("Seeded Hanoi's units as of {Date}", HanoiBaseline.Founded);
            if (options.ApplyBundledReforms)
            {
                foreach (var reform in reforms.All)
                {
                    await reforms.ApplyAsync(reform, "seed", ct);
                }
            }
        }
        if (!await db.Procedures.AnyAsync(ct))
        {
            var count = await catalog.SeedAsync(ct);
            log.LogInformation("Seeded {Count} procedures", count);
        }
        if (options.Demo)
        {
            await staff.SeedAsync(ct);
        }
    }
}
