using MotCua.Domain.Organization;

namespace MotCua.Web.Features.Organization;

public static class OrganizationModule
{
    public static IServiceCollection AddOrganizationModule(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton<UnitDirectory>();
        services.AddScoped<ReorganizationService>();
        services.AddScoped<IOpenWorkMover, RoleAssignmentMover>();
        services.AddScoped<Seeding.CitySeeder>();
        services.AddScoped<Seeding.HanoiBaseline>();
        services.AddScoped<Seeding.HanoiReforms>();
        services.AddScoped<Seeding.DemoStaffSeeder>();
        services.AddSingleton<Boundaries.BoundaryIndex>();
        services.AddScoped<Boundaries.BoundaryImport>();
        services.AddHttpContextAccessor();
        services.AddScoped<Identity.UnitScope>();
        return services;
    }

    public static WebApplication MapOrganizationApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/units").AllowAnonymous().WithTags("Organization").RequireRateLimiting(Infrastructure.PublicRateLimits.PublicApi);
        // The public organisation chart: who is who in the city, as on a given day (default today).
        api.MapGet("", async (UnitDirectory directory, string? date, CancellationToken ct) =>
        {
            DateOnly day;
            if (date is null) day = directory.Today;
            else if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", out day))
                return Results.Problem(ApiProblems.Parameter("date", "Ngày phải có dạng yyyy-MM-dd.", "The date must be yyyy-MM-dd."));
            var tree = await directory.OnAsync(day, ct);
            return Results.Ok(new
            {
                date = day.ToString("yyyy-MM-dd"),
                count = tree.Count,
                units = tree.Roots.Select(r => Node(tree, r)),
            });
        });
        return app;
    }

    private static object Node(UnitTree tree, UnitSnapshot unit) => new
    {
        id = unit.Id,
        code = unit.Code,
        name = unit.Name,
        kind = unit.Kind.ToKey(),
        children = tree.ChildrenOf(unit.Id).Select(c => Node(tree, c)),
    };
}
