namespace MotCua.Domain.Organization;

/// <summary>A role that a staff member holds in a unit.</summary>
public enum StaffRole
{
    /// <summary>Cán bộ một cửa: receives dossiers, issues receipts, returns results.</summary>
    CounterOfficer,
    /// <summary>Chuyên viên: examines a dossier and drafts the result.</summary>
    Specialist,
    /// <summary>Lãnh đạo: approves or returns, signs the result.</summary>
    Leader,
    /// <summary>Manages the unit's staff, calendar and (for the city) the catalogue.</summary>
    Administrator,
    /// <summary>Sees the unit and every unit below it, for oversight.</summary>
    Supervisor,
}
