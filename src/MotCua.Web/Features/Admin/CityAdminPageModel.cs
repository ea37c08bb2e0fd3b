using Microsoft.AspNetCore.Mvc.Filters;

namespace MotCua.Web.Features.Admin;

/// <summary>
/// Base of the pages that apply city-wide (feedback categories, Open311 clients, the national portal's sync): only an
/// administrator of the city (a root of the unit tree) opens them; everyone else gets a 403 before any handler runs.
/// </summary>
public abstract class CityAdminPageModel : AdminPageModel
{
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!await Scope.IsCityAdministratorAsync(HttpContext.RequestAborted))
        {
            context.Result = Forbidden();
            return;
        }
        await base.OnPageHandlerExecutionAsync(context, next);
    }
}
