using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MotCua.Domain.Delivery;
using MotCua.Web.Features.Delivery;
using MotCua.Web.Features.Delivery.Data;

namespace MotCua.Web.Features.Dossiers.Filing;

// The wizard's delivery page (after the documents, before "check your answers"): how the result comes back, and,
// where the procedure allows, pickup of the application file by post. The form and its rules are the Delivery module's.
public sealed partial class WizardModel
{
    /// <summary>The delivery form after a post (typed values, errors, the fee to confirm); null: built from the saved choice.</summary>
    public DeliveryFormView? DeliveryForm { get; private set; }

    public async Task<DeliveryFormView> DeliveryFormAsync(CancellationToken ct)
    {
        if (DeliveryForm is not null) return DeliveryForm;
        var choices = HttpContext.RequestServices.GetRequiredService<DeliveryChoices>();
        var saved = Draft is null ? null : await choices.ForDraftAsync(Draft.Id, ct);
        return DeliveryFormView.From(saved, DeliveryAction, Procedure, choices.PickupAllowed(Procedure), await CommunesAsync(ct), HomeProvince, showBack: true);
    }

    private string DeliveryAction => $"{BaseUrl}?handler=delivery&step={Steps.Delivery}";

    private string HomeProvince => HttpContext.RequestServices.GetRequiredService<IOptions<DeliveryOptions>>().Value.HomeProvince;

    private Task<IReadOnlyList<string>> CommunesAsync(CancellationToken ct) => DeliveryChoices.CommunesAsync(units, ct);

    public async Task<IActionResult> OnPostDeliveryAsync(string code, Guid draftId, string? nav, [FromForm] DeliveryPost post,
        [FromServices] DeliveryChoices choices, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(post);
        if (!await LoadAsync(code, draftId, ct) || Draft is null) return NotFound();
        Step = Steps.Delivery;
        if (nav == "back") return await MoveAsync(Step - 1, ct);
        var input = post.ToInput();
        var draft = Draft.Id;
        var outcome = await choices.SubmitAsync(input, Procedure, await choices.ForDraftAsync(draft, ct),
            () => new DeliveryChoice { Id = Guid.NewGuid(), DraftId = draft }, k => Text(k), ct);
        if (outcome.Saved) return await MoveAsync(Steps.Check, ct);
        DeliveryForm = DeliveryFormView.From(input, DeliveryAction, Procedure, choices.PickupAllowed(Procedure), await CommunesAsync(ct), HomeProvince, true,
            outcome.Errors, outcome.ToConfirm);
        PageErrors = outcome.Errors;
        return await ShowAsync(ct);
    }

    /// <summary>Called just before filing: the draft's delivery choice becomes the dossier's in the filing's own transaction.</summary>
    private Task AdoptDeliveryAsync(CancellationToken ct)
    {
        var sp = HttpContext.RequestServices;
        var shipments = sp.GetRequiredService<ShipmentService>();
        return sp.GetRequiredService<DeliveryChoices>().AdoptOnFilingAsync(Draft!.Id,
            (dossier, receiver, fee) => shipments.Queue(dossier, ShipmentPurpose.Pickup, receiver, fee).Id, ct);
    }
}

/// <summary>The delivery form's fields as posted.</summary>
public sealed class DeliveryPost
{
    public string? Method { get; set; }
    public string? ReceiverName { get; set; }
    public string? Phone { get; set; }
    public string? Street { get; set; }
    public string? Commune { get; set; }
    public string? Province { get; set; }
    public bool Pickup { get; set; }
    public bool Confirm { get; set; }

    public DeliveryInput ToInput() => new(Method, ReceiverName, Phone, Street, Commune, Province, Pickup, Confirm);
}
