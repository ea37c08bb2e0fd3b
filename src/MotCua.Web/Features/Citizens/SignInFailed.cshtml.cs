using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MotCua.Web.Features.Citizens;

/// <summary>
/// Where a VNeID sign-in that went wrong lands (<see cref="VNeIdSignIn"/>'s remote-failure handler and the
/// "access denied" path): the reason in plain words, with the status code that fits it, and a way to try again.
/// </summary>
[AllowAnonymous]
public sealed class SignInFailedModel : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public SignInProblem Problem { get; private set; } = new(VNeIdRefusal.Invalid, null);

    public IActionResult OnGet(string reason)
    {
        if (!VNeIdRefusal.IsKnown(reason)) return NotFound();
        Problem = new(reason, Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null);
        Response.StatusCode = VNeIdRefusal.StatusOf(reason);
        return Page();
    }
}
