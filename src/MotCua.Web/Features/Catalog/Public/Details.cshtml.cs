using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Domain.Catalog;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Catalog.Public;

/// <summary>Everything a citizen needs before filing: documents, time, fees, where, how, and the legal basis.</summary>
[AllowAnonymous]
public sealed class DetailsModel(MotCuaDbContext db) : PageModel
{
    public ProcedureDefinition Procedure { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var json = await CatalogApi.PublishedJsonAsync(db, code, ct);
        if (json is null) return NotFound();
        Procedure = JsonSerializer.Deserialize<ProcedureDefinition>(json, CatalogJson.Options)!;
        return Page();
    }

    public IEnumerable<IGrouping<string?, RequiredDocument>> DocumentGroups => Procedure.Documents.GroupBy(d => d.Group);

    public static string Money(long amount) => amount.ToString("#,0", System.Globalization.CultureInfo.GetCultureInfo("vi")) + " đ";
}
