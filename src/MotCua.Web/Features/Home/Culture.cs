namespace MotCua.Web.Features.Home;

using Microsoft.AspNetCore.Localization;

/// <summary>Switches the language and goes back to the same page; remembered in a cookie for a year.</summary>
public static class CultureSwitch
{
    public static WebApplication MapCultureSwitch(this WebApplication app)
    {
        app.MapGet("/culture", (HttpContext context, string? lang, string? returnUrl) =>
        {
            var culture = lang == "en" ? "en" : "vi";
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            // Only local paths: the switch must not become an open redirect.
            var target = !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous();
        return app;
    }
}
