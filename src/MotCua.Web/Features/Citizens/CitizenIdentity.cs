using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using MotCua.Domain.Dossiers;

namespace MotCua.Web.Features.Citizens;

/// <summary>
/// The citizen's sign-in, kept apart from the staff sign-in: its own cookie and scheme, so a citizen is never
/// "authenticated" for a back-office page and a staff cookie never opens a citizen's dossiers. Until VNeID
/// (identity issue) lands, the demo sign-in page issues this cookie for the seeded demo citizens.
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
    public const string SignInPath = "/citizen/sign-in";

    public static void AddCitizenCookie(this Microsoft.AspNetCore.Authentication.AuthenticationBuilder builder) =>
        builder.AddCookie(Scheme, o =>
        {
            o.LoginPath = SignInPath;
            o.LogoutPath = "/citizen/sign-out";
            o.AccessDeniedPath = SignInPath;
            o.Cookie.Name = "motcua.citizen";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
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
