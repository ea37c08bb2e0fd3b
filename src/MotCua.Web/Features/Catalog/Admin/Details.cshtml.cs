using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Catalog;
using MotCua.Web.Features.Identity;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Catalog.Admin;

/// <summary>
/// One procedure: its versions, what citizens see now, and the draft's way to publication. Publishing
/// re-validates the stored draft with the publishing rules, so nothing unchecked ever reaches citizens.
/// </summary>
[Authorize(Policy = CatalogPolicy.Name)]
public sealed class DetailsModel(MotCuaDbContext db, CatalogService catalog, IStringLocalizer<MotCuaOptions> t) : PageModel
{
    /// <summary>What the redirect after an action reports; anything else in the address is ignored.</summary>
    private static readonly string[] KnownOutcomes = ["saved", "published", "retired"];

    public ProcedureVersions History { get; private set; } = null!;
    public ProcedureDefinition? PublishedDefinition { get; private set; }
    public ProcedureDefinition? DraftDefinition { get; private set; }

    /// <summary>What still stops the draft from being published, shown before anyone presses the button.</summary>
    public IReadOnlyList<ValidationError> DraftProblems { get; private set; } = [];

    /// <summary>Errors of a publication that was refused.</summary>
    public EditorErrors PublishErrors { get; } = new();

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, string? done, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct)) return NotFound();
        Done = KnownOutcomes.Contains(done) ? done : null;
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(string code, Guid draftId, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct)) return NotFound();
        // The draft shown on the page must still be this procedure's open draft: a stale page or a forged
        // id must not publish anything else.
        if (History.Draft?.Id != draftId)
        {
            PublishErrors.Add(new ValidationError("$", t["catalogadmin.error.nodraft"]));
            return Page();
        }
        var result = await catalog.PublishAsync(draftId, User.Identity?.Name ?? "admin", ct);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) PublishErrors.Add(e);
            return Page();
        }
        return Redirect(AdminLinks.Details(History.Procedure.NationalCode, "published"));
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        var history = await ProcedureVersions.FindAsync(db, code, ct);
        if (history is null) return false;
        History = history;
        PublishedDefinition = await ProcedureVersions.DefinitionAsync(db, history.Published?.Id, ct);
        DraftDefinition = await ProcedureVersions.DefinitionAsync(db, history.Draft?.Id, ct);
        if (DraftDefinition is not null) DraftProblems = ProcedureValidator.Validate(DraftDefinition, forPublishing: true);
        return true;
    }
}
