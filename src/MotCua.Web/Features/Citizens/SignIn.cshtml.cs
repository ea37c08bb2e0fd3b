using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace MotCua.Web.Features.Citizens;

/// <summary>
/// Citizen sign-in: sends the browser to VNeID (the citizen cookie's login path, so every citizen page that needs a
/// sign-in, and an expired session, comes through here). Answers with a page instead when VNeID is not configured or
/// does not answer.
/// </summary>
[AllowAnonymous]
public sealed class SignInModel(IAuthenticationSchemeProvider schemes, IOptionsMonitor<OpenIdConnectOptions> oidc, ILogger<SignInModel> log) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public SignInProblem Problem { get; private set; } = new("notconfigured", null);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await schemes.GetSchemeAsync(VNeIdSignIn.Scheme) is null)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/my/dossiers";
        // Read the provider's discovery first: a provider that does not answer is a page, not an exception mid-challenge.
        if (!await VNeIdSignIn.ProviderAnswersAsync(oidc.Get(VNeIdSignIn.Scheme), log, HttpContext.RequestAborted))
        {
            Problem = new(VNeIdRefusal.Unavailable, returnUrl);
            Response.StatusCode = VNeIdRefusal.StatusOf(VNeIdRefusal.Unavailable);
            return Page();
        }
        return Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, VNeIdSignIn.Scheme);
    }
}

/// <summary>What the sign-in pages show when there is no sign-in: the reason (a key of citizen.signin.problem.*) and where to retry to.</summary>
public sealed record SignInProblem(string Reason, string? ReturnUrl);
