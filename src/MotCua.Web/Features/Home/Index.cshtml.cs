using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Catalog;

namespace MotCua.Web.Features.Home;

[AllowAnonymous]
public sealed class IndexModel(CatalogSearch catalog) : PageModel
{
    public IReadOnlyList<(string Field, int Count)> Fields { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Fields = await catalog.FieldsAsync(ct);
}
