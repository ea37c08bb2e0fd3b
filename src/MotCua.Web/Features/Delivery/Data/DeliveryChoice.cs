using MotCua.Domain.Catalog;
using MotCua.Domain.Delivery;

namespace MotCua.Web.Features.Delivery.Data;

/// <summary>
/// How the applicant receives the result (at the counter, online, or by post to an address) and whether the post
/// picks the application file up. Chosen in the filing wizard against the draft, it becomes the dossier's when the
/// draft is filed (same transaction); it can change from the citizen's dossier page until the result is sent.
/// The fee the citizen saw and confirmed is kept with it.
/// </summary>
public sealed class DeliveryChoice
{
    public Guid Id { get; set; }
    /// <summary>While the citizen is filing: the draft; null once filed.</summary>
    public Guid? DraftId { get; set; }
    /// <summary>Set when the draft is filed; unique: one choice per dossier.</summary>
    public Guid? DossierId { get; set; }
    public Channel Method { get; set; }
    /// <summary>The post also picks the application file up from the receiver's address.</summary>
    public bool Pickup { get; set; }
    /// <summary>By post only.</summary>
    public PostalReceiver? Receiver { get; set; }
    /// <summary>The fee for delivering the result (VND), as shown when the citizen confirmed; 0 unless by post.</summary>
    public long ResultFee { get; set; }
    /// <summary>The pickup fee (VND), as shown when confirmed; 0 without pickup.</summary>
    public long PickupFee { get; set; }
    public TariffArea? Area { get; set; }
    public DateTimeOffset ConfirmedAt { get; set; }
}
