namespace MotCua.Domain.Organization;

/// <summary>
/// What a unit is. The tree's depth is data, not code: any kind may sit under any other, so the city can
/// add or drop a level (as the 1 July 2025 reform dropped districts) without a change to the program.
/// </summary>
public enum UnitKind
{
    /// <summary>Ủy ban nhân dân of the city (the root of a province's tree).</summary>
    PeoplesCommittee,
    /// <summary>Sở, ban, ngành.</summary>
    Department,
    /// <summary>Trung tâm Phục vụ hành chính công and its branches.</summary>
    ServiceCenter,
    /// <summary>Quận, huyện, thị xã (abolished in July 2025, kept for history).</summary>
    District,
    /// <summary>Phường.</summary>
    Ward,
    /// <summary>Xã.</summary>
    Commune,
    /// <summary>Thị trấn.</summary>
    Township,
    /// <summary>A division inside an agency (phòng, chi cục).</summary>
    Division,
}
