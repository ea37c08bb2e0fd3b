using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.Payments;

/// <summary>
/// The next receipt number of a year, from the shared sequence table the dossier codes use (series "BL", the year's
/// first day standing for the year): numbers never repeat; a rolled-back payment leaves a gap.
/// </summary>
public sealed class ReceiptNumbers(DossierCodeAllocator sequences)
{
    public const string Series = "BL";

    public async Task<(int Sequence, string Number)> NextAsync(int year, CancellationToken ct)
    {
        var value = await sequences.NextAsync(Series, new DateOnly(year, 1, 1), ct);
        return (value, $"{Series}-{year}-{value:D6}");
    }
}
