using MotCua.Domain.Organization;

namespace MotCua.Domain.Insight;

/// <summary>
/// The administrative levels the KPIs are compared at, read from each unit's kind as the unit tree records it on the
/// period's last day (kinds are data: a district abolished in 2025 still has its level for 2024).
/// </summary>
public static class KpiLevels
{
    public const string City = "city";
    public const string District = "district";
    public const string Commune = "commune";

    public static readonly IReadOnlyList<string> All = [City, District, Commune];

    public static string Of(UnitKind kind) => kind switch
    {
        UnitKind.District => District,
        _ when kind.IsCommuneLevel() => Commune,
        _ => City,
    };

    public static bool IsKnown(string? level) => level is not null && All.Contains(level);
}
