namespace MotCua.Web.Features.Dossiers.Data;

/// <summary>
/// The last sequence number given by a receiving agency on a day (Circular 01/2018, art. 19: the dossier
/// code's NNNN). One row per agency and day, incremented atomically.
/// </summary>
public sealed class DossierCodeSequence
{
    public required string AgencyCode { get; set; }
    public DateOnly Day { get; set; }
    public int LastValue { get; set; }
}
