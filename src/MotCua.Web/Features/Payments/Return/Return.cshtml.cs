using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Payments.Data;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Payments.Return;

/// <summary>
/// Where the gateway sends the payer back. It only shows: the signature is checked (a tampered address gets an error
/// and nothing else), and the result is the gateway's word plus what the IPN has (or has not yet) confirmed. It never
/// changes an order — only the IPN and the reconciliation do. Anonymous (the payer's cookie may have expired on the
/// way), so it shows no personal data: the amount, the reference and a link to the dossier's payment page.
/// </summary>
[AllowAnonymous]
public sealed class ReturnModel(VnPayGateway gateway, MotCuaDbContext db) : PageModel
{
    public GatewayResult? Result { get; private set; }
    public PaymentOrder? Order { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Result = gateway.Verify(Request.Query.Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString())));
        if (Result is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var attempt = await db.Set<PaymentAttempt>().AsNoTracking().FirstOrDefaultAsync(a => a.TxnRef == Result.TxnRef, ct);
        if (attempt is not null) Order = await db.Set<PaymentOrder>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == attempt.OrderId, ct);
        return Page();
    }
}
