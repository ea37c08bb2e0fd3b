using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Catalog.Search;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Admin;
using MotCua.Web.Features.Organization.Admin.Units;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Organization.Admin.Staff;

/// <summary>Staff holding a role in a unit within reach (with "former", also those whose roles there have ended).</summary>
public sealed class StaffListModel(MotCuaDbContext db) : AdminPageModel
{
    public const int MaxRows = 500;

    public sealed record RoleText(StaffRole Role, string Unit);

    public sealed record Row(Guid Id, string FullName, string? Email, bool Active, IReadOnlyList<RoleText> Roles);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public bool Former { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public bool Administrator { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Administrator = await Scope.IsAdministratorAsync(ct);
        var today = Scope.Today;
        var reach = Former ? await Scope.EverVisibleAsync(ct) : await Scope.VisibleTodayAsync(ct);
        var units = reach.ToList();
        var assignments = await db.RoleAssignments.AsNoTracking()
            .Where(a => units.Contains(a.UnitId) && (Former || (a.ValidFrom <= today && (a.ValidTo == null || a.ValidTo > today))))
            .Select(a => new { a.StaffId, a.UnitId, a.Role, a.ValidFrom, a.ValidTo })
            .ToListAsync(ct);
        var staffIds = assignments.Select(a => a.StaffId).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => staffIds.Contains(u.Id))
            .Select(u => new { u.Id, u.FullName, u.Email, u.IsActive }).ToListAsync(ct);

        var query = Q?.Trim() is { Length: > 0 and <= 200 } q ? VietnameseText.Fold(q) : null;
        var matching = people
            .Where(p => query is null || VietnameseText.Fold(p.FullName).Contains(query, StringComparison.Ordinal)
                || (p.Email ?? "").Contains(Q!.Trim(), StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p.FullName, StringComparer.Create(new System.Globalization.CultureInfo("vi"), false))
            .ToList();
        Total = matching.Count;
        var shown = matching.Take(MaxRows).ToList();
        var current = assignments.Where(a => a.ValidFrom <= today && (a.ValidTo == null || a.ValidTo > today)).ToLookup(a => a.StaffId);
        var names = await UnitNames.LatestAsync(db, [.. current.SelectMany(g => g.Select(a => a.UnitId)).Distinct()], ct);
        Rows = [.. shown.Select(p => new Row(p.Id, p.FullName, p.Email, p.IsActive,
            [.. current[p.Id].Select(a => new RoleText(a.Role, names.GetValueOrDefault(a.UnitId)?.Name ?? ""))]))];
    }
}
