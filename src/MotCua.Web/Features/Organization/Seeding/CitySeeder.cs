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
    Boundaries.BoundaryImport boundaries, Feedback.FeedbackSeeder feedback, ILogger<CitySeeder> log)
{
    public const string BoundaryFile = "hanoi-districts-boundaries-2019.geojson";

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
        if (!await db.Set<Boundaries.UnitBoundary>().AnyAsync(ct))
        {
            // The 2019 outlines of the city and its 30 districts (Seed/units/README.md): the districts closed in 2025,
            // and a pin in one is answered by its primary successor (BoundaryIndex).
            await using var file = File.OpenRead(Path.Combine(SeedFiles.Root, "units", BoundaryFile));
            var result = await boundaries.ImportAsync(file, BoundaryFile, ct);
            if (!result.Ok) throw new InvalidOperationException("The bundled boundaries do not import: " + string.Join("; ", result.Problems));
            log.LogInformation("Seeded {Count} unit boundaries", result.Imported);
        }
        if (await feedback.SeedAsync(ct) is > 0 and var categories)
        {
            log.LogInformation("Seeded {Count} feedback categories", categories);
        }
        if (!await db.Procedures.AnyAsync(ct))
        {
            var count = await catalog.SeedAsync(ct);
            log.LogInformation("Seeded {Count} procedures", count);
        }
        if (options.Demo)
        {
            await staff.SeedAsync(ct);
            await feedback.SeedDemoAsync(ct);
        }
    }
}
