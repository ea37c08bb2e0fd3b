using Microsoft.AspNetCore.Identity;
using MotCua.Domain.Organization;

namespace MotCua.Web.Features.Organization.Data;

/// <summary>A staff account (ASP.NET Core Identity). Citizens never have one: they sign in with VNeID.</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public required string FullName { get; set; }
    /// <summary>Set for accounts created by an administrator until the person chooses their own password.</summary>
    public bool MustChangePassword { get; set; }
    public bool IsActive { get; set; } = true;
    public List<RoleAssignment> Roles { get; set; } = [];
}

/// <summary>A role held in a unit for a period. Ended rows stay, so who could do what, when, can be answered.</summary>
public sealed class RoleAssignment
{
    public Guid Id { get; set; }
    public Guid StaffId { get; set; }
    public Guid UnitId { get; set; }
    public StaffRole Role { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    /// <summary>Why it ended, e.g. the reorganisation that moved it.</summary>
    public string? EndReason { get; set; }
    public bool IsActiveOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day < ValidTo);
}
