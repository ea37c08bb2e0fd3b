using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Citizens;

namespace MotCua.Web.Features.Dossiers.MyDossiers;

/// <summary>The confirmation after filing: the reference to quote and what happens next.</summary>
[Authorize(Policy = CitizenIdentity.Policy)]
public sealed class FiledModel(DossierService service) : PageModel
{
    public Dossier Dossier { get; private set; } = null!;
    public string ProcedureName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        try { Dossier = await service.LoadOwnedAsync(id, CitizenIdentity.IdNumberOf(User)!, ct); }
        catch (DossierProblem) { return NotFound(); }
        ProcedureName = (await service.VersionAsync(Dossier.ProcedureVersionId, ct)).Name;
        return Page();
    }
}
