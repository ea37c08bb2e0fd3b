using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Identity;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Catalog.Admin;

/// <summary>
/// Withdraws a procedure from citizens, behind a confirmation page because it takes effect at once for
/// everyone. Dossiers already filed keep the version they were filed under.
/// </summary>
[Authorize(Policy = CatalogPolicy.Name)]
public sealed class RetireModel(MotCuaDbContext db, CatalogService catalog) : PageModel
{
    public ProcedureVersions History { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var history = await ProcedureVersions.FindAsync(db, code, ct);
        if (history is null) return NotFound();
        History = history;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        var history = await ProcedureVersions.FindAsync(db, code, ct);
        if (history is null) return NotFound();
        History = history;
        // Already retired (a second click, another administrator): the page says so instead of failing.
        if (history.Published is null) return Page();
        var result = await catalog.RetireAsync(history.Procedure.NationalCode, ct);
        return result.Succeeded ? Redirect(AdminLinks.Details(history.Procedure.NationalCode, "retired")) : Page();
    }
}
