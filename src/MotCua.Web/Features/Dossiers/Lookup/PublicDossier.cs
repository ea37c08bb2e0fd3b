using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;

namespace MotCua.Web.Features.Dossiers.Lookup;

/// <summary>
/// What anyone holding the code and the phone or ID number (or the receipt's QR code) may see: status, dates
/// and the public history. No name, phone, address or answers: a receipt can be lost or photographed.
/// </summary>
public sealed record PublicDossier(
    string Key, string ProcedureName, DossierStatus Status, DateTimeOffset SubmittedAt, DateTimeOffset? ReceivedAt,
    DateTimeOffset? AppointmentAt, IReadOnlyList<PublicHistoryEntry> History);

/// <summary>Finds dossiers for the public lookup; each way in answers "nothing" the same way for every failure.</summary>
public sealed class DossierLookup(Infrastructure.Persistence.MotCuaDbContext db, DossierService dossiers, LookupLink links)
{
    public const int MaxLength = 48;

    /// <summary>By the code (or the reference of a dossier not yet accepted) and the owner's phone or ID number.</summary>
    public async Task<PublicDossier?> FindAsync(string code, string phoneOrId, CancellationToken ct)
    {
        var key = code.Trim();
        var contact = phoneOrId.Replace(" ", "", StringComparison.Ordinal).Trim();
        if (key.Length is 0 or > MaxLength || contact.Length is 0 or > MaxLength) return null;
        var dossier = await FindByKeyAsync(key, ct);
        // One answer for "no such code" and "wrong phone": the lookup must never confirm that a code exists.
        var matches = dossier is not null && (dossier.Owner.Phone == contact || dossier.Owner.IdNumber == contact);
        return matches ? await ViewAsync(dossier!, ct) : null;
    }

    /// <summary>By the signed link of the receipt's QR code; a token made for another code opens nothing.</summary>
    public async Task<PublicDossier?> FindByLinkAsync(string code, string? token, CancellationToken ct) =>
        code.Length <= MaxLength && links.Verify(code, token) && await FindByKeyAsync(code, ct) is { } dossier
            ? await ViewAsync(dossier, ct)
            : null;

    private Task<Dossier?> FindByKeyAsync(string key, CancellationToken ct) =>
        db.Dossiers.AsNoTracking().FirstOrDefaultAsync(d => d.Code == key || d.Reference == key, ct);

    private async Task<PublicDossier> ViewAsync(Dossier d, CancellationToken ct)
    {
        var procedure = await dossiers.VersionAsync(d.ProcedureVersionId, ct);
        return new PublicDossier(d.Code ?? d.Reference, procedure.Name, d.Status, d.SubmittedAt, d.ReceivedAt,
            d.AppointmentAt ?? d.DueAt, [.. d.PublicHistory().OrderBy(h => h.At)]);
    }
}
