using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Identity;

namespace MotCua.Web.Features.Admin;

/// <summary>
/// Base of every administration page. Signing in is required by the fallback policy already; the attribute
/// repeats it so that a page can never be opened to anonymous users by a change elsewhere. Pages for units,
/// staff and calendars also need an administrator's or supervisor's role; finer, per-unit checks are each
/// handler's own, on the server, because the page a form came from proves nothing.
/// </summary>
[Authorize]
public abstract class AdminPageModel : PageModel
{
    private UnitScope? _scope;
    private IStringLocalizer? _localizer;

    public FormErrors Errors { get; } = new();

    protected UnitScope Scope => _scope ??= HttpContext.RequestServices.GetRequiredService<UnitScope>();

    /// <summary>The UI strings, for messages composed in handlers (views use their own T).</summary>
    protected IStringLocalizer L => _localizer ??= HttpContext.RequestServices.GetRequiredService<IStringLocalizer<MotCuaOptions>>();

    protected virtual bool RequiresBackOffice => true;

    /// <summary>Pages that only change things (forms): an administrator's role somewhere is needed to open them at all.</summary>
    protected virtual bool RequiresAdministrator => false;

    /// <summary>The form's fields top to bottom, for the order of the error summary.</summary>
    protected virtual IReadOnlyList<string> FieldOrder => [];

    /// <summary>Who did it, as recorded with the change.</summary>
    protected string Actor => User.Identity?.Name ?? UnitScope.StaffIdOf(User)?.ToString() ?? "unknown";

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var ct = HttpContext.RequestAborted;
        if (RequiresBackOffice && !await Scope.IsBackOfficeAsync(ct) || RequiresAdministrator && !await Scope.IsAdministratorAsync(ct))
        {
            context.Result = Forbidden();
            return;
        }
        Errors.FieldOrder = FieldOrder;
        await next();
    }

    /// <summary>A bare status, rendered by the status-code page: no redirect that a form post would lose.</summary>
    protected IActionResult Forbidden() => StatusCode(StatusCodes.Status403Forbidden);

    protected void AddError(string field, string key, params object[] args) => Errors.Add(field, L[key, args]);

    /// <summary>The audit log, for reads the page records (changes use <see cref="RecordChange"/>).</summary>
    protected IAuditLog AuditLog => HttpContext.RequestServices.GetRequiredService<IAuditLog>();

    /// <summary>The change's audit entry, staged: the page's next SaveChanges commits it with the change, or neither.</summary>
    protected AuditEntry RecordChange(string action, AuditObject target, IEnumerable<Guid> units, string? reason = null, string? detail = null) =>
        AuditLog.Stage(new AuditRecord(action, target, [.. units], reason) { Detail = detail });

    /// <summary>Takes back a staged entry whose change was not made.</summary>
    protected void DiscardChange(AuditEntry staged) => AuditLog.Discard(staged);
}
