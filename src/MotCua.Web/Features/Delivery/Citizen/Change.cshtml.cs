using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Delivery.Data;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Dossiers.Filing;
using MotCua.Web.Features.Organization;

namespace MotCua.Web.Features.Delivery.Citizen;

/// <summary>The applicant changes how the result comes back, until it is sent. Another citizen's dossier is a 404.</summary>
[Authorize(Policy = CitizenIdentity.Policy)]
public sealed class ChangeModel(DossierService dossiers, DeliveryChoices choices, UnitDirectory units, IOptions<DeliveryOptions> options,
    IStringLocalizer<MotCuaOptions> text) : PageModel
{
    public Dossier Dossier { get; private set; } = null!;
    public DeliveryFormView Form { get; private set; } = null!;
    public bool Changeable { get; private set; }
    public IReadOnlyList<(string FieldId, string Message)> PageErrors => Form.Errors;
    private ProcedureDefinition _procedure = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Form = DeliveryFormView.From(await choices.ForDossierAsync(id, ct), Action, _procedure, false, await CommunesAsync(ct), options.Value.HomeProvince, false);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, [FromForm] DeliveryPost post, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(post);
        if (!await LoadAsync(id, ct)) return NotFound();
        var existing = await choices.ForDossierAsync(id, ct);
        if (!Changeable)
        {
            Form = DeliveryFormView.From(existing, Action, _procedure, false, [], options.Value.HomeProvince, false);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        var input = post.ToInput() with { Pickup = false };
        var outcome = await choices.SubmitAsync(input, _procedure, existing, () => new DeliveryChoice { Id = Guid.NewGuid(), DossierId = id }, k => text[k].Value, ct);
        if (outcome.Saved) return Redirect($"/my/dossiers/{id}?done=delivery");
        Form = DeliveryFormView.From(input, Action, _procedure, false, await CommunesAsync(ct), options.Value.HomeProvince, false, outcome.Errors, outcome.ToConfirm);
        if (outcome.Errors.Count > 0) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private string Action => $"/my/dossiers/{Dossier.Id}/delivery";

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        try { Dossier = await dossiers.LoadOwnedAsync(id, CitizenIdentity.IdNumberOf(User)!, ct); }
        catch (DossierProblem) { return false; }
        _procedure = await dossiers.VersionAsync(Dossier.ProcedureVersionId, ct);
        Changeable = await choices.ChangeableAsync(Dossier, ct);
        return true;
    }

    private Task<IReadOnlyList<string>> CommunesAsync(CancellationToken ct) => DeliveryChoices.CommunesAsync(units, ct);
}
