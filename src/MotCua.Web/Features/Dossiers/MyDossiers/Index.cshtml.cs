using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Dossiers.Filing;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Dossiers.MyDossiers;

/// <summary>The citizen's dossiers (newest first, with status and due date) and the drafts to resume or delete.</summary>
[Authorize(Policy = CitizenIdentity.Policy)]
public sealed class IndexModel(MotCuaDbContext db, DossierService dossiers, DraftStore drafts) : PageModel
{
    public IReadOnlyList<Dossier> Dossiers { get; private set; } = [];
    public IReadOnlyList<DossierDraft> Drafts { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public string NameOf(string code) => Names.GetValueOrDefault(code, code);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var owner = CitizenIdentity.IdNumberOf(User)!;
        Dossiers = await dossiers.ListOwnedAsync(owner, ct);
        Drafts = await drafts.ListAsync(owner, ct);
        Names = await ProcedureNames.ForAsync(db, Dossiers.Select(d => d.ProcedureCode).Concat(Drafts.Select(d => d.ProcedureCode)), ct);
    }

    /// <summary>Deletes one of the citizen's drafts with its files; someone else's draft is "not found".</summary>
    public async Task<IActionResult> OnPostDeleteDraftAsync(Guid draftId, CancellationToken ct)
    {
        var draft = await drafts.FindAsync(draftId, CitizenIdentity.IdNumberOf(User)!, ct);
        if (draft is null) return NotFound();
        await drafts.DeleteAsync(draft, ct);
        return LocalRedirect("/my/dossiers");
    }
}
