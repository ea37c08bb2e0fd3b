using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Feedback;
using MotCua.Web.Features.Feedback.Data;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Feedback;

/// <summary>The demo city's report categories (Seed/feedback/categories.json), on a database that has none.</summary>
public sealed class FeedbackSeeder(MotCuaDbContext db, FeedbackCategories categories, Open311.Open311Keys keys, TimeProvider clock)
{
    /// <summary>The published Open311 test key, in demo mode only (README).</summary>
    public Task SeedDemoAsync(CancellationToken ct) => keys.EnsureDemoKeyAsync(ct);

    public async Task<int> SeedAsync(CancellationToken ct)
    {
        if (await db.Set<FeedbackCategoryRow>().AnyAsync(ct)) return 0;
        var json = await File.ReadAllTextAsync(Path.Combine(SeedFiles.Root, "feedback", "categories.json"), ct);
        var seeded = System.Text.Json.JsonSerializer.Deserialize<List<FeedbackCategory>>(json, FeedbackCategories.Json)!;
        var order = 0;
        foreach (var c in seeded)
        {
            db.Add(new FeedbackCategoryRow { Code = c.Code, Name = c.Name, Definition = FeedbackCategories.Write(c), Order = ++order, UpdatedAt = clock.GetUtcNow() });
        }
        await db.SaveChangesAsync(ct);
        categories.Invalidate();
        return seeded.Count;
    }
}
