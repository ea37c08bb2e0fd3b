using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Catalog.Search;
using MotCua.Web.Features.Catalog.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Catalog.Admin;

/// <summary>Where a procedure stands for citizens, as the list filters it.</summary>
public enum CatalogStanding { Published, Unpublished, Retired }

public sealed record ProcedureRow(
    string Code, string Name, string Field, CatalogStanding Standing, int? PublishedNumber, int? DraftNumber, int OnlineLevel, bool FullProcess);

/// <summary>
/// Every procedure with where it stands, including the ones citizens cannot see (drafts, retired), which is
/// why this reads the tables and not the public search index.
/// </summary>
[Authorize(Policy = CatalogPolicy.Name)]
public sealed class IndexModel(MotCuaDbContext db) : PageModel
{
    public const int PageSize = 50;

    /// <summary>Filter values in the address: all, published, unpublished, retired, draft.</summary>
    public static readonly IReadOnlyList<string> StatusFilters = ["all", "published", "draft", "unpublished", "retired"];

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int? Imported { get; set; }
    [BindProperty(SupportsGet = true)] public bool Published { get; set; }

    public IReadOnlyList<ProcedureRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int All { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!StatusFilters.Contains(Status ?? "")) Status = "all";
        var procedures = await db.Procedures.AsNoTracking().Select(p => new { p.Id, p.NationalCode, p.PublishedVersionId }).ToListAsync(ct);
        var versions = (await db.ProcedureVersions.AsNoTracking()
            .Select(v => new { v.Id, v.ProcedureId, v.Number, v.Status, v.Name, v.Field, v.OnlineLevel, v.FullProcess })
            .ToListAsync(ct)).ToLookup(v => v.ProcedureId);

        var rows = new List<ProcedureRow>(procedures.Count);
        foreach (var p in procedures)
        {
            var own = versions[p.Id].OrderByDescending(v => v.Number).ToList();
            var published = own.FirstOrDefault(v => v.Id == p.PublishedVersionId);
            var draft = own.FirstOrDefault(v => v.Status == VersionStatus.Draft);
            // Shown as citizens see it while published; otherwise as it is being prepared or was last known.
            var shown = published ?? draft ?? own.FirstOrDefault();
            if (shown is null) continue;
            var standing = published is not null ? CatalogStanding.Published
                : own.Any(v => v.Status is VersionStatus.Retired or VersionStatus.Superseded) ? CatalogStanding.Retired
                : CatalogStanding.Unpublished;
            rows.Add(new ProcedureRow(p.NationalCode, shown.Name, shown.Field, standing, published?.Number, draft?.Number, shown.OnlineLevel, shown.FullProcess));
        }
        All = rows.Count;

        IEnumerable<ProcedureRow> filtered = rows;
        if (!string.IsNullOrWhiteSpace(Q))
        {
            // Folded (no diacritics, lower case) so "khai sinh" finds "Khai sinh" and "khai sinh" alike.
            var needle = VietnameseText.Fold(Q.Trim());
            filtered = filtered.Where(r => VietnameseText.Fold(r.Code + " " + r.Name).Contains(needle, StringComparison.Ordinal));
        }
        filtered = Status switch
        {
            "published" => filtered.Where(r => r.Standing == CatalogStanding.Published),
            "unpublished" => filtered.Where(r => r.Standing == CatalogStanding.Unpublished),
            "retired" => filtered.Where(r => r.Standing == CatalogStanding.Retired),
            "draft" => filtered.Where(r => r.DraftNumber is not null),
            _ => filtered,
        };
        var vi = StringComparer.Create(new CultureInfo("vi"), ignoreCase: true);
        var list = filtered.OrderBy(r => r.Name, vi).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
        Total = list.Count;
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = [.. list.Skip((PageNumber - 1) * PageSize).Take(PageSize)];
    }

    /// <summary>The list's address with the current search kept, for the pager.</summary>
    public string PageLink(int page) => AdminLinks.List + QueryString.Create(new KeyValuePair<string, string?>[]
    {
        new("q", Q ?? ""), new("status", Status ?? "all"), new("page", page.ToString(CultureInfo.InvariantCulture)),
    }).ToUriComponent();
}
