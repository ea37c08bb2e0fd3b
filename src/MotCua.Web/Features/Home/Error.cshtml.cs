using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MotCua.Web.Features.Home;

/// <summary>Plain-language error pages; never a stack trace.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string TitleKey { get; private set; } = "error.title";
    public string TextKey { get; private set; } = "error.text";

    // No model binding, not even of the route's code: a status page re-executes with the failed request's method and
    // body, and binding would read that body again — a malformed form (a NUL byte in a field) then threw here and turned
    // its 400 into a 500 (found by the hostile-input test).
    public void OnGet() => Set(RouteCode());

    public void OnPost() => Set(RouteCode());

    private int? RouteCode() =>
        int.TryParse(RouteData.Values["code"]?.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : null;

    private void Set(int? code)
    {
        (TitleKey, TextKey) = code switch
        {
            404 => ("error.404.title", "error.404.text"),
            403 => ("error.403.title", "error.403.text"),
            429 => ("error.429.title", "error.429.text"),
            _ => ("error.title", "error.text"),
        };
        // Without a status code this page reports an unhandled exception (500); visited directly with a code that is
        // no error (/error/-1, /error/200) it is an address that does not exist.
        var failed = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null;
        Response.StatusCode = code is >= 400 and < 600 ? code.Value : failed ? StatusCodes.Status500InternalServerError : StatusCodes.Status404NotFound;
    }
}
