using Microsoft.AspNetCore.Mvc;
using MotCua.Domain.Catalog.Search;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Admin;

namespace MotCua.Web.Features.Organization.Admin.Units;

/// <summary>The unit tree as it stood on a day, limited to the units the staff member may see.</summary>
public sealed class UnitListModel(UnitDirectory directory) : AdminPageModel
{
    [BindProperty(SupportsGet = true)] public string? Date { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }

    public DateOnly Day { get; private set; }
    public bool IsToday { get; private set; }
    public UnitTree Tree { get; private set; } = new(default, []);
    public IReadOnlySet<Guid> Visible { get; private set; } = new HashSet<Guid>();
    public IReadOnlySet<Guid> Managed { get; private set; } = new HashSet<Guid>();
    public IReadOnlyList<UnitSnapshot> Roots { get; private set; } = [];
    /// <summary>Set when searching or filtering: a flat list instead of the tree.</summary>
    public IReadOnlyList<UnitSnapshot>? Matches { get; private set; }
    public int Shown { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Day = Scope.Today;
        if (!string.IsNullOrWhiteSpace(Date))
        {
            if (AdminText.TryParseDate(Date, out var day)) Day = day;
            else AddError(nameof(Date), "admin.error.date");
        }
        IsToday = Day == Scope.Today;
        UnitKind? kind = null;
        if (!string.IsNullOrWhiteSpace(Kind))
        {
            if (UnitKinds.TryParseKey(Kind, out var k)) kind = k;
            else AddError(nameof(Kind), "admin.units.error.kind");
        }

        Tree = await directory.OnAsync(Day, ct);
        Visible = IsToday ? await Scope.VisibleTodayAsync(ct) : await Scope.EverVisibleAsync(ct);
        Managed = IsToday ? await Scope.ManagedTodayAsync(ct) : new HashSet<Guid>();
        var visible = Tree.All.Where(u => Visible.Contains(u.Id)).ToList();
        Shown = visible.Count;

        var query = Q?.Trim() is { Length: > 0 } q && q.Length <= 200 ? VietnameseText.Fold(q) : null;
        if (query is not null || kind is not null)
        {
            Matches = [.. visible
                .Where(u => kind is null || u.Kind == kind)
                .Where(u => query is null || u.Code.Contains(Q!.Trim(), StringComparison.OrdinalIgnoreCase)
                    || VietnameseText.Fold(u.Name).Contains(query, StringComparison.Ordinal)
                    || VietnameseText.Fold(u.ShortName).Contains(query, StringComparison.Ordinal))
                .OrderBy(u => Tree.DepthOf(u.Id)).ThenBy(u => u.Code, StringComparer.Ordinal)];
            return;
        }
        // A unit whose parent is out of reach heads its own branch: a ward's administrator sees the ward at the top.
        Roots = [.. visible.Where(u => u.ParentId is not { } p || !Visible.Contains(p) || Tree.Find(p) is null)
            .OrderBy(u => Tree.DepthOf(u.Id)).ThenBy(u => u.Code, StringComparer.Ordinal)];
    }

    public IEnumerable<UnitSnapshot> VisibleChildren(Guid id) => Tree.ChildrenOf(id).Where(c => Visible.Contains(c.Id));

    public string ParentName(UnitSnapshot unit) => unit.ParentId is { } p && Tree.Find(p) is { } parent ? parent.Name : "";
}
