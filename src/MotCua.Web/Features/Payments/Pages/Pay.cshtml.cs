using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Documents;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Payments.Pages;

/// <summary>
/// The citizen's payments for one of their dossiers: the fee and its lines, what is due (the filing fee, an officer's
/// request), "pay online" for each due order (a new attempt, then off to the gateway), receipts and refunds.
/// Another citizen's dossier is a 404.
/// </summary>
[Authorize(Policy = CitizenIdentity.Policy)]
public sealed class PayModel(DossierService dossiers, PaymentService payments, VnPayGateway gateway, PublicAddress address, IStringLocalizer<MotCuaOptions> t) : PageModel
{
    public Dossier Dossier { get; private set; } = null!;
    public PaymentView View { get; private set; } = null!;
    public bool OnlineAvailable => gateway.Available;
    public IReadOnlyList<(string FieldId, string Message)> PageErrors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostOnlineAsync(Guid id, Guid order, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!gateway.Available)
        {
            PageErrors = [("pay-" + order, t["payments.error.unavailable"].Value)];
            return Page();
        }
        try
        {
            var attempt = await payments.StartAttemptAsync(Dossier, order, ct);
            var locale = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            var ip = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1";
            return Redirect(gateway.PaymentUrl(attempt.TxnRef, attempt.Amount, PaymentService.OrderInfo(Dossier), ip, locale,
                address.Absolute(Request, PaymentsModule.ReturnPath)));
        }
        catch (PaymentProblem problem)
        {
            PageErrors = [("pay-" + order, t[problem.Key].Value)];
            await LoadAsync(id, ct);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        try { Dossier = await dossiers.LoadOwnedAsync(id, CitizenIdentity.IdNumberOf(User) ?? "", ct); }
        catch (DossierProblem) { return false; }
        View = await payments.ViewAsync(Dossier, ct);
        return true;
    }
}
