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

    public void OnGet([FromRoute] int? code) => Set(code);

    public void OnPost([FromRoute] int? code) => Set(code);

    private void Set(int? code)
    {
        (TitleKey, TextKey) = code switch
        {
            404 => ("error.404.title", "error.404.text"),
            403 => ("error.403.title", "error.403.text"),
            429 => ("error.429.title", "error.429.text"),
            _ => ("error.title", "error.text"),
        };
        Response.StatusCode = code is >= 400 and < 600 ? code.Value : StatusCodes.Status500InternalServerError;
    }
}
