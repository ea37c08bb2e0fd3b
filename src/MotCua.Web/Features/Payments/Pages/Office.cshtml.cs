using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Payments.Pages;

/// <summary>
/// A dossier's payments in the back office: seen by staff who see the dossier (others: 404); the counter officer of its
/// unit records cash (with a receipt) or an exemption with its reason (confirming the applicant's claim, if any).
/// </summary>
public sealed class OfficeModel(DossierActions actions, PaymentService payments, IAuditLog audit, IStringLocalizer<MotCuaOptions> t) : PageModel
{
    public Dossier Dossier { get; private set; } = null!;
    public PaymentView View { get; private set; } = null!;
    public bool Counter { get; private set; }
    public string? Done { get; private set; }
    public IReadOnlyList<(string FieldId, string Message)> PageErrors { get; private set; } = [];
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Done = done is "cash" or "exempt" ? done : null;
        // The page shows the applicant's name on the receipts.
        await audit.WriteAsync(DossierRecords.Read("payment.view", Dossier, DossierRecords.View), ct);
        return Page();
    }

    public Task<IActionResult> OnPostCashAsync(Guid id, Guid order, CancellationToken ct) =>
        ActAsync(id, "pay-" + order, "cash", () => payments.RecordCashAsync(Dossier, order, DossierActions.Officer(User), ct), ct);

    public Task<IActionResult> OnPostExemptAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, "reason", "exempt", () => payments.ExemptAsync(Dossier, Reason, DossierActions.Officer(User), ct), ct);

    private async Task<IActionResult> ActAsync(Guid id, string field, string done, Func<Task> act, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!Counter)
        {
            await audit.WriteAsync(new AuditRecord("payment." + done, DossierRecords.Object(Dossier), DossierRecords.Units(Dossier)) { Refused = true, Detail = "Forbidden" }, ct);
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        try
        {
            await act();
            return Redirect($"/staff/dossiers/{id}/payment?done={done}");
        }
        catch (PaymentProblem problem)
        {
            PageErrors = [(problem.Field == "order" ? field : problem.Field, t[problem.Key].Value)];
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException e) when (DossierConflicts.IsConflict(e))
        {
            PageErrors = [(field, DossierActions.ConflictMessage)];
        }
        catch (DossierRuleException e)
        {
            PageErrors = [(field, e.Message)];
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await actions.VisibleAsync(id, ct) is not { } dossier) return false;
        Dossier = dossier;
        Counter = await actions.RefusalAsync(dossier, DossierDuty.Counter, User, null, ct) is null;
        View = await payments.ViewAsync(dossier, ct);
        return true;
    }
}
