using Microsoft.AspNetCore.Mvc;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Dossiers.Office;

namespace MotCua.Web.Features.Delivery.Office;

/// <summary>
/// The counter hands the result to the post (the paper goes to the postal worker; the order goes out from the outbox).
/// Staff who do not see the dossier get 404, those who see it but are not its counter get 403.
/// </summary>
public sealed class HandToPostModel(ShipmentService shipments, DossierActions actions) : OfficePageModel
{
    public Guid Id { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await actions.VisibleAsync(id, ct) is null ? NotFound() : Redirect($"/staff/dossiers/{id}#delivery");

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        var result = await shipments.HandToPostAsync(id, User, ct);
        switch (result)
        {
            case HandToPostResult.Done: return Redirect($"/staff/dossiers/{id}#delivery");
            case HandToPostResult.NotFound: return NotFound();
            case HandToPostResult.Forbidden: return Forbidden();
            default:
                Problem = L["delivery.office.problem." + result].Value;
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
        }
    }
}
