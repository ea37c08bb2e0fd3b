using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Payments.Data;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Payments;

/// <summary>What a dossier page shows about money: what is due, whether it was paid online, and the way to the payment page.</summary>
public sealed record PaymentSummaryView(Guid DossierId, bool Staff, long Due, bool PaidOnline, int Receipts);

/// <summary>
/// The payments box on the dossier pages (the citizen's detail and "filed" pages, the office dossier page): one
/// <c>@await Component.InvokeAsync("PaymentSummary", …)</c> line there, everything else here. Reads only.
/// </summary>
public sealed class PaymentSummaryViewComponent(MotCuaDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid dossierId, bool staff)
    {
        var orders = await db.Set<PaymentOrder>().AsNoTracking().Where(o => o.DossierId == dossierId).ToListAsync();
        var receipts = await db.Set<PaymentReceipt>().AsNoTracking().CountAsync(r => r.DossierId == dossierId);
        var view = new PaymentSummaryView(dossierId, staff, orders.Where(o => o.Status == PaymentOrderStatus.Due).Sum(o => o.Amount),
            orders.Any(o => o.Method == PaymentMethod.Online && o.Status is PaymentOrderStatus.Paid or PaymentOrderStatus.Refunded), receipts);
        return View("~/Features/Payments/Pages/_Summary.cshtml", view);
    }
}
