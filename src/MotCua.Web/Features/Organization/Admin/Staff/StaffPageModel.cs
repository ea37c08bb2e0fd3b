using System.Net.Mail;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Admin;

namespace MotCua.Web.Features.Organization.Admin.Staff;

/// <summary>What the staff pages that write share: reading a role assignment and the unit suggestions.</summary>
public abstract class StaffPageModel : AdminPageModel
{
    public const int MaxName = 200;
    public const int MaxEmail = 256;
    public const int MaxReason = 300;

    /// <summary>Units open today that the administrator manages: where they may give roles.</summary>
    public IReadOnlyList<UnitSnapshot> Suggestions { get; private set; } = [];

    public static bool IsEmail(string? text) =>
        text is { Length: > 0 and <= MaxEmail } && MailAddress.TryCreate(text, out var address) && address.Address == text
        && text.Contains('.', StringComparison.Ordinal);

    protected async Task SuggestAsync(CancellationToken ct)
    {
        var tree = await Scope.TodayTreeAsync(ct);
        var managed = await Scope.ManagedTodayAsync(ct);
        Suggestions = [.. tree.All.Where(u => managed.Contains(u.Id)).OrderBy(u => u.Code, StringComparer.Ordinal)];
    }

    /// <summary>
    /// A role's unit (open today, managed by this administrator), role and start. A start in the past is
    /// refused: it would grant, after the fact, powers over work already done, and the record of who could do
    /// what, when, must stay true.
    /// </summary>
    protected async Task<(UnitSnapshot? Unit, StaffRole Role, DateOnly From)> ReadAssignmentAsync(
        string unitField, string? unitCode, string roleField, string? role, string fromField, string? from, CancellationToken ct)
    {
        var tree = await Scope.TodayTreeAsync(ct);
        UnitSnapshot? unit = null;
        var code = unitCode?.Trim();
        if (string.IsNullOrEmpty(code)) AddError(unitField, "admin.staff.error.unit.missing");
        else if (code.Length > 32 || tree.FindByCode(code) is not { } found || !await Scope.CanManageAsync(found.Id, ct)) AddError(unitField, "admin.staff.error.unit", code);
        else unit = found;

        if (!AdminText.TryParseRole(role, out var staffRole)) AddError(roleField, "admin.staff.error.role");
        var start = Scope.Today;
        if (!string.IsNullOrWhiteSpace(from))
        {
            if (!AdminText.TryParseDate(from, out start)) AddError(fromField, "admin.error.date");
            else if (start < Scope.Today) AddError(fromField, "admin.staff.error.past");
        }
        return (unit, staffRole, start);
    }
}
