using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using MotCua.Domain.Dossiers;

namespace MotCua.Web.Features.Citizens;

/// <summary>
/// The citizen's sign-in, kept apart from the staff sign-in: its own cookie and scheme, so a citizen is never
/// "authenticated" for a back-office page and a staff cookie never opens a citizen's dossiers. The cookie is issued
/// by the VNeID sign-in (<see cref="VNeIdSignIn"/>) with the claims of <see cref="VNeIdPrincipal"/>.
/// </summary>
public static class CitizenIdentity
{
    public const string Scheme = "Citizen";
    public const string Policy = "Citizen";
    /// <summary>The 12-digit personal ID number: everything a citizen owns is linked to it.</summary>
    public const string IdNumberClaim = "motcua:citizen-id";
    public const string NameClaim = "motcua:citizen-name";
    public const string PhoneClaim = "motcua:citizen-phone";
    public const string EmailClaim = "motcua:citizen-email";
    public const string AddressClaim = "motcua:citizen-address";
    public const string BirthdateClaim = "motcua:citizen-birthdate";
    /// <summary>The assurance level VNeID vouched for (acr, e.g. LoA2).</summary>
    public const string AcrClaim = "motcua:citizen-acr";
    public const string SignInPath = "/citizen/sign-in";

    public static Microsoft.AspNetCore.Authentication.AuthenticationBuilder AddCitizenCookie(this Microsoft.AspNetCore.Authentication.AuthenticationBuilder builder) =>
        builder.AddCookie(Scheme, o =>
        {
            o.LoginPath = SignInPath;
            o.LogoutPath = "/citizen/sign-out";
            o.AccessDeniedPath = SignInPath;
            o.Cookie.Name = "motcua.citizen";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // 30 minutes without a request and the citizen goes through VNeID again (the sign-in page challenges).
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            o.Events.OnRedirectToLogin = c =>
            {
                if (c.Request.Path.StartsWithSegments("/api")) c.Response.StatusCode = StatusCodes.Status401Unauthorized;
                else c.Response.Redirect(c.RedirectUri);
                return Task.CompletedTask;
            };
        });

    public static void Add(AuthorizationOptions o) =>
        o.AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireClaim(IdNumberClaim));

    public static string? IdNumberOf(ClaimsPrincipal user) => user.FindFirst(IdNumberClaim)?.Value;

    /// <summary>The citizen as the actor recorded on dossier events.</summary>
    public static Actor ActorOf(ClaimsPrincipal user) =>
        Actor.Applicant(user.FindFirst(NameClaim)?.Value ?? "", IdNumberOf(user) ?? "applicant");
}
