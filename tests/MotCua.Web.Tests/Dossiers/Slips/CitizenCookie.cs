using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MotCua.Web.Features.Citizens;

namespace MotCua.Web.Tests.Dossiers.Slips;

/// <summary>
/// A citizen's browser until the citizen sign-in page lands: the cookie is sealed by the host's own citizen
/// cookie handler (its data-protection keys), so the host checks it exactly as it will check a real one.
/// </summary>
internal static class CitizenCookie
{
    public static HttpClient Client(WebApplicationFactory<Program> factory, string idNumber, string name = "Nguyễn Văn An")
    {
        var options = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CitizenIdentity.Scheme);
        var identity = new ClaimsIdentity(
            [new Claim(CitizenIdentity.IdNumberClaim, idNumber), new Claim(CitizenIdentity.NameClaim, name)], CitizenIdentity.Scheme);
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), CitizenIdentity.Scheme);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("Cookie", "motcua.citizen=" + options.TicketDataFormat.Protect(ticket));
        return client;
    }
}
