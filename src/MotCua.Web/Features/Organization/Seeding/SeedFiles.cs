namespace MotCua.Web.Features.Organization.Seeding;

/// <summary>Where the bundled seed data sits (copied beside the binaries; see Seed/units/README.md for sources and licences).</summary>
public static class SeedFiles
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Seed");
    public static string Units(string file) => Path.Combine(Root, "units", file);
    public static string Procedures(string file) => Path.Combine(Root, "procedures", file);

    public const string UnitsUntil2024 = "hanoi-units-until-2024-12-31.csv";
    public const string WardMerges2025 = "hanoi-ward-merges-2025-01-01.csv";
    public const string UnitsFromJuly2025 = "hanoi-units-from-2025-07-01.csv";
    public const string WardMappingJuly2025 = "hanoi-ward-mapping-2025-07-01.csv";
    public const string Agencies = "hanoi-agencies.csv";
}
