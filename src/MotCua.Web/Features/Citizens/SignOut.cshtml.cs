using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MotCua.Web.Features.Citizens;

/// <summary>
/// Signing out is a POST with the anti-forgery token, so a link on another site cannot do it. The page reads the
/// citizen cookie (anonymous visitors see a plain page) so the token is made and checked for the same user.
/// </summary>
[AllowAnonymous]
[Authorize(AuthenticationSchemes = CitizenIdentity.Scheme)]
public sealed class SignOutModel : PageModel
{
    public string? Name => User.FindFirst(CitizenIdentity.NameClaim)?.Value;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(CitizenIdentity.Scheme);
        return LocalRedirect("/");
    }
}
