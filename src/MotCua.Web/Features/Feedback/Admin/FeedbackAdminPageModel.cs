using Microsoft.AspNetCore.Mvc.Filters;
using MotCua.Web.Features.Admin;

namespace MotCua.Web.Features.Feedback.Admin;

/// <summary>
/// Base of the feedback administration pages: the Open311 clients and the report categories apply city-wide, so only an
/// administrator of the city (a root of the unit tree) opens them; everyone else gets a 403 before any handler runs.
/// </summary>
public abstract class FeedbackAdminPageModel : AdminPageModel
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
