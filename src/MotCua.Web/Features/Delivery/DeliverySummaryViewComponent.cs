using Microsoft.AspNetCore.Mvc;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Delivery.Data;

namespace MotCua.Web.Features.Delivery;

/// <summary>What the dossier pages show of delivery: the choice, its fee, the shipments; for the citizen the "change"
/// link, for the counter the "hand to post" form and a failed delivery's notice.</summary>
public sealed class DeliverySummaryViewComponent(DeliveryChoices choices, ShipmentService shipments) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Dossier dossier, bool office)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var ct = HttpContext.RequestAborted;
        var model = new DeliverySummary(dossier, office, await choices.ForDossierAsync(dossier.Id, ct), await shipments.ForDossierAsync(dossier.Id, ct),
            await choices.ChangeableAsync(dossier, ct));
        return View("~/Features/Delivery/_DeliverySummary.cshtml", model);
    }
}

public sealed record DeliverySummary(Dossier Dossier, bool Office, DeliveryChoice? Choice, IReadOnlyList<PostalShipment> Shipments, bool Changeable)
{
    public PostalShipment? Result => Shipments.LastOrDefault(s => s.Purpose == Domain.Delivery.ShipmentPurpose.Result);

    /// <summary>The counter may hand the result to the post: status 9, post chosen, not yet handed.</summary>
    public bool CanHandToPost => Office && Dossier.Status == DossierStatus.Processed && Choice is { Method: Domain.Catalog.Channel.Post } && Result is null;

    public bool Failed => Result is { State: Domain.Delivery.ShipmentState.Failed or Domain.Delivery.ShipmentState.Returned } && Dossier.Status == DossierStatus.Processed;
}
