using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace MotCua.Web.Features.Shared;

/// <summary>
/// A page without a handler for the request's method answers 405. Left alone, Razor Pages renders such a page without
/// running any handler — so a POST to a page that only has OnGet skipped the checks OnGet makes (whose dossier, which
/// unit) and rendered the view on an empty model: a 500 at best (the route matrix test found both).
/// </summary>
public sealed class PostNeedsHandler : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context) { }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context) { }
}
