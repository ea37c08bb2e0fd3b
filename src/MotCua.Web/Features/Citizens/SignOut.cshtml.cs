using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace MotCua.Web.Features.Citizens;

/// <summary>
/// Signing out is a POST with the anti-forgery token, so a link on another site cannot do it. The page reads the
/// citizen cookie (anonymous visitors see a plain page) so the token is made and checked for the same user. It ends
/// the local session and then VNeID's (RP-initiated logout), which sends the browser back to the home page.
/// </summary>
[AllowAnonymous]
[Authorize(AuthenticationSchemes = CitizenIdentity.Scheme)]
public sealed class SignOutModel(IAuthenticationSchemeProvider schemes, IOptionsMonitor<OpenIdConnectOptions> oidc, ILogger<SignOutModel> log) : PageModel
{
    public string? Name => User.FindFirst(CitizenIdentity.NameClaim)?.Value;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var properties = new AuthenticationProperties { RedirectUri = "/" };
        // A provider that does not answer still leaves the citizen signed out here; its own session ends with its timeout.
        if (Name is null || await schemes.GetSchemeAsync(VNeIdSignIn.Scheme) is null ||
            !await VNeIdSignIn.ProviderAnswersAsync(oidc.Get(VNeIdSignIn.Scheme), log, HttpContext.RequestAborted))
        {
            await HttpContext.SignOutAsync(CitizenIdentity.Scheme);
            return LocalRedirect("/");
        }
        return SignOut(properties, CitizenIdentity.Scheme, VNeIdSignIn.Scheme);
    }
}
