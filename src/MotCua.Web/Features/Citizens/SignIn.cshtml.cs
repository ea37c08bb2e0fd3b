using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace MotCua.Web.Features.Citizens;

/// <summary>
/// Demo sign-in for citizens: pick one of the demo citizens and get the citizen cookie. Only in demo mode; otherwise
/// the page says that citizen sign-in (VNeID) is not configured. The identity issue replaces this page with VNeID.
/// </summary>
[AllowAnonymous]
public sealed class SignInModel(IOptions<MotCuaOptions> options, ILogger<SignInModel> log) : PageModel
{
    public bool Enabled => options.Value.Demo;

    [BindProperty] public string? Citizen { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public bool Missing { get; private set; }

    public IActionResult OnGet()
    {
        if (!Enabled) Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Enabled) return NotFound();
        if (DemoCitizens.Find(Citizen) is not { } citizen)
        {
            Missing = true;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        await HttpContext.SignInAsync(CitizenIdentity.Scheme, DemoCitizens.Principal(citizen));
        log.LogInformation("Demo citizen {Citizen} signed in", citizen.IdNumber[^4..]);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/my/dossiers");
    }
}
