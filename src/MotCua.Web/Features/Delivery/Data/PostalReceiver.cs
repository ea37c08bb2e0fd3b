using MotCua.Domain.Delivery;

namespace MotCua.Web.Features.Delivery.Data;

/// <summary>
/// The receiver's name, phone and address, the one place a postal phone number is stored (the choice and each
/// shipment own a copy as the columns Receiver_*), so encryption at rest can be added here alone.
/// </summary>
public sealed class PostalReceiver
{
    public required string Name { get; set; }
    /// <summary>Personal data: never logged, masked in lists (<see cref="PostalAddress.MaskPhone"/>).</summary>
    public required string Phone { get; set; }
    public required string Street { get; set; }
    public required string Commune { get; set; }
    public required string Province { get; set; }

    public static PostalReceiver From(PostalAddress a) => new() { Name = a.ReceiverName, Phone = a.Phone, Street = a.Street, Commune = a.Commune, Province = a.Province };

    public PostalReceiver Copy() => new() { Name = Name, Phone = Phone, Street = Street, Commune = Commune, Province = Province };

    public string MaskedPhone => PostalAddress.MaskPhone(Phone);

    /// <summary>The address on one line, without the phone.</summary>
    public string Line => $"{Street}, {Commune}, {Province}";
}
