using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace MotCua.Web.Features.Dossiers.Lookup;

/// <summary>
/// Where the receipt's QR code leads: <c>/lookup/{code}?t=…</c>. The token proves the link was printed by us
/// for this code (<see cref="LookupLink"/>), so no phone number is asked. A wrong or missing token shows
/// nothing about the dossier and points to the lookup form, with 404.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(DossierApi.LookupPolicy)]
public sealed class LinkModel(DossierLookup lookup) : PageModel
{
    public PublicDossier? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, string? t, CancellationToken ct)
    {
        Result = await lookup.FindByLinkAsync(code, t, ct);
        if (Result is null) Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
