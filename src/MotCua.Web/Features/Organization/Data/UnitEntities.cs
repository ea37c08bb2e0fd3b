using MotCua.Domain.Organization;

namespace MotCua.Web.Features.Organization.Data;

/// <summary>
/// A unit's lasting identity. What it is called, its code and its parent live in <see cref="UnitVersion"/>
/// rows, so anything recorded against the unit can show it as it was on that day.
/// </summary>
public sealed class Unit
{
    public Guid Id { get; set; }
    /// <summary>GSO administrative code (mã đơn vị hành chính) for areas; null for agencies.</summary>
    public string? AdministrativeCode { get; set; }
    public DateOnly ValidFrom { get; set; }
    /// <summary>First day the unit no longer exists; null while it does.</summary>
    public DateOnly? ValidTo { get; set; }
    /// <summary>The primary successor, where open work went when the unit closed.</summary>
    public Guid? SuccessorId { get; set; }
    /// <summary>The reorganisation that closed the unit (with or without successors).</summary>
    public Guid? ClosedByReorganizationId { get; set; }
    public List<UnitVersion> Versions { get; set; } = [];
}

public sealed class UnitVersion
{
    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    /// <summary>Electronic identifier under QCVN 102:2016, e.g. 000.00.00.H26.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string ShortName { get; set; }
    public UnitKind Kind { get; set; }
    public Guid? ParentId { get; set; }
    /// <summary>The reorganisation that started this version; null for the founding seed.</summary>
    public Guid? ReorganizationId { get; set; }
    public bool IsValidOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day < ValidTo);
}

public sealed class Reorganization
{
    public Guid Id { get; set; }
    public ReorganizationKind Kind { get; set; }
    public DateOnly EffectiveDate { get; set; }
    public required string Title { get; set; }
    /// <summary>The legal act, e.g. "Nghị quyết 1656/NQ-UBTVQH15".</summary>
    public string? LegalBasis { get; set; }
    public DateTimeOffset AppliedAt { get; set; }
    public required string AppliedBy { get; set; }
    public List<UnitSuccession> Successions { get; set; } = [];
}

/// <summary>Which unit took over (all or part of) which closed unit.</summary>
public sealed class UnitSuccession
{
    public Guid Id { get; set; }
    public Guid ReorganizationId { get; set; }
    public Guid PredecessorId { get; set; }
    public Guid SuccessorId { get; set; }
    public bool Partial { get; set; }
    public bool Primary { get; set; }
}
