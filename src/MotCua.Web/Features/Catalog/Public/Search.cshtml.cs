using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Domain.Catalog;

namespace MotCua.Web.Features.Catalog.Public;

/// <summary>Find a procedure: ranked search that forgives missing diacritics and typos, with filters.</summary>
[AllowAnonymous]
public sealed class SearchModel(CatalogSearch search) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }
    [BindProperty(SupportsGet = true)] public string? Field { get; set; }
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    [BindProperty(SupportsGet = true)] public string? UnitKind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Online { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public CatalogPage Results { get; private set; } = new(0, []);
    public IReadOnlyList<(string Field, int Count)> Fields { get; private set; } = [];
    public int PageCount => Math.Max(1, (Results.Total + PageSize - 1) / PageSize);

    public static readonly string[] UnitKinds = ["ward", "commune", "department", "peoplesCommittee", "serviceCenter"];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Query is { Length: > 200 }) Query = Query[..200];
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        ImplementingLevel? level = Enum.TryParse<ImplementingLevel>(Level, ignoreCase: true, out var l) && Enum.IsDefined(l) ? l : null;
        var (online, full) = Online switch
        {
            "full" => ((int?)null, (bool?)true),
            "partial" => (null, false),
            _ => (null, null),
        };
        var kind = UnitKinds.Contains(UnitKind) ? UnitKind : null;
        Fields = await search.FieldsAsync(ct);
        var field = Fields.Any(f => f.Field == Field) ? Field : null;
        Results = await search.FindAsync(new CatalogQuery(Query, field, level, kind, online, full), (PageNumber - 1) * PageSize, PageSize, ct);
    }

    public string PageUrl(int page) =>
        Url.Page("/Catalog/Public/Search", new { q = Query, field = Field, level = Level, unitKind = UnitKind, online = Online, page })!;
}
