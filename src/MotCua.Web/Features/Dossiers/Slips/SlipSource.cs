using MotCua.Domain.Dossiers;

namespace MotCua.Web.Features.Dossiers.Slips;

/// <summary>Everything a slip prints besides the dossier itself: names looked up elsewhere and the QR address.</summary>
public sealed record SlipSource(
    Dossier Dossier,
    string ProcedureName,
    string ReceivingUnitName,
    IReadOnlyDictionary<Guid, string> UnitNames,
    string? LookupUrl)
{
    public string UnitName(Guid id) => UnitNames.TryGetValue(id, out var name) ? name : "";
}

/// <summary>The five forms of Circular 01/2018/TT-VPCP that a dossier produces, by their numbers.</summary>
public static class SlipNumbers
{
    public const string Receipt = "01";
    public const string SupplementRequest = "02";
    public const string Refusal = "03";
    public const string Apology = "04";
    public const string ProcessingControl = "05";

    public static readonly IReadOnlyList<string> All = [Receipt, SupplementRequest, Refusal, Apology, ProcessingControl];

    /// <summary>Whether the dossier has reached the point where the slip exists (an accepted dossier has no refusal).</summary>
    public static bool Exists(Dossier dossier, string number) => number switch
    {
        Receipt or ProcessingControl => dossier.Code is not null,
        SupplementRequest => dossier.SupplementRounds.Count > 0,
        Refusal => dossier.RefusedAt is not null,
        Apology => dossier.ApologySlips.Count > 0,
        _ => false,
    };
}

/// <summary>A slip as issued: its content (the QR code opening its verification page) and the registered PDF bytes.</summary>
public sealed record IssuedSlip(Documents.SlipDocument Slip, byte[] Pdf);
