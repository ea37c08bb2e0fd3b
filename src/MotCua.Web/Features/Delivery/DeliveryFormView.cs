using MotCua.Domain.Catalog;
using MotCua.Domain.Delivery;
using MotCua.Web.Features.Delivery.Data;

namespace MotCua.Web.Features.Delivery;

/// <summary>
/// The delivery form as the wizard step and the citizen's dossier page show it: what was typed (or saved), the
/// errors next to each field, and, once a postal address checks out, the fee to confirm.
/// </summary>
public sealed class DeliveryFormView
{
    public required string Action { get; init; }
    public required IReadOnlyList<Channel> Methods { get; init; }
    public bool PickupAllowed { get; init; }
    public string? Method { get; init; }
    public string? ReceiverName { get; init; }
    public string? Phone { get; init; }
    public string? Street { get; init; }
    public string? Commune { get; init; }
    public string? Province { get; init; }
    public bool Pickup { get; init; }
    /// <summary>Set when the post address is valid and not yet confirmed: the page shows the fee and a confirm button.</summary>
    public PostalQuote? Quote { get; init; }
    /// <summary>(field id, message already localised).</summary>
    public IReadOnlyList<(string FieldId, string Message)> Errors { get; init; } = [];
    /// <summary>Names of the city's communes and wards, offered as suggestions (a typed name works too).</summary>
    public IReadOnlyList<string> Communes { get; init; } = [];
    public string HomeProvince { get; init; } = "";
    /// <summary>The wizard's "back" button (null on the dossier page).</summary>
    public bool ShowBack { get; init; }

    public static string MethodKey(Channel c) => c switch { Channel.Counter => "counter", Channel.Online => "online", _ => "post" };

    public static DeliveryFormView From(DeliveryChoice? saved, string action, ProcedureDefinition procedure, bool pickupAllowed,
        IReadOnlyList<string> communes, string homeProvince, bool showBack) => new()
    {
        Action = action, Methods = DeliveryChoices.Methods(procedure), PickupAllowed = pickupAllowed, Communes = communes,
        HomeProvince = homeProvince, ShowBack = showBack,
        Method = saved is null ? null : MethodKey(saved.Method), Pickup = saved?.Pickup ?? false,
        ReceiverName = saved?.Receiver?.Name, Phone = saved?.Receiver?.Phone, Street = saved?.Receiver?.Street,
        Commune = saved?.Receiver?.Commune, Province = saved?.Receiver?.Province ?? homeProvince,
    };

    public static DeliveryFormView From(DeliveryInput input, string action, ProcedureDefinition procedure, bool pickupAllowed,
        IReadOnlyList<string> communes, string homeProvince, bool showBack, IReadOnlyList<(string, string)> errors, PostalQuote? quote) => new()
    {
        Action = action, Methods = DeliveryChoices.Methods(procedure), PickupAllowed = pickupAllowed, Communes = communes,
        HomeProvince = homeProvince, ShowBack = showBack, Errors = errors, Quote = errors.Count == 0 ? quote : null,
        Method = input.Method, Pickup = input.Pickup, ReceiverName = input.ReceiverName, Phone = input.Phone, Street = input.Street,
        Commune = input.Commune, Province = input.Province,
    };

    public string? ErrorOf(string field) => Errors.FirstOrDefault(e => e.FieldId == field).Message;
}
