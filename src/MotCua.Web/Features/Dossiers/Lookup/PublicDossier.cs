using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;

namespace MotCua.Web.Features.Dossiers.Lookup;

/// <summary>
/// What anyone holding the code and the phone or ID number (or the receipt's QR code) may see: status, dates
/// and the public history. No name, phone, address or answers: a receipt can be lost or photographed.
/// </summary>
public sealed record PublicDossier(
    Guid Id, string Reference, string? Code, string ProcedureCode, string ProcedureName, Channel Channel, int Version,
    DossierStatus Status, DateTimeOffset SubmittedAt, DateTimeOffset? ReceivedAt, DateTimeOffset? AppointmentAt,
    IReadOnlyList<PublicHistoryEntry> History)
{
    /// <summary>The code once accepted, the reference before.</summary>
    public string Key => Code ?? Reference;
}

/// <summary>
/// Finds dossiers for the public lookup (the page, the QR link and the JSON API); each way in answers "nothing" the same
/// way for every failure. Reads only what it shows: the dossier's row fields and its public events, not the aggregate
/// with every collection it owns (the lookup is the one page anyone may call, as often as the rate limit allows).
/// </summary>
public sealed class DossierLookup(Infrastructure.Persistence.MotCuaDbContext db, DossierService dossiers, LookupLink links)
{
    public const int MaxLength = 48;

    /// <summary>By the code (or the reference of a dossier not yet accepted) and the owner's phone or ID number.</summary>
    public async Task<PublicDossier?> FindAsync(string code, string phoneOrId, CancellationToken ct)
    {
        var key = code.Trim();
        var contact = phoneOrId.Replace(" ", "", StringComparison.Ordinal).Trim();
        if (key.Length is 0 or > MaxLength || contact.Length is 0 or > MaxLength) return null;
        // One answer for "no such code" and "wrong phone": the lookup must never confirm that a code exists.
        return await ViewAsync(db.Dossiers.Where(d => (d.Code == key || d.Reference == key) && (d.Owner.Phone == contact || d.Owner.IdNumber == contact)), ct);
    }

    /// <summary>By the signed link of the receipt's QR code; a token made for another code opens nothing.</summary>
    public async Task<PublicDossier?> FindByLinkAsync(string? code, string? token, CancellationToken ct) =>
        !string.IsNullOrWhiteSpace(code) && code.Length <= MaxLength && links.Verify(code, token)
            ? await ViewAsync(db.Dossiers.Where(d => d.Code == code || d.Reference == code), ct)
            : null;

    private async Task<PublicDossier?> ViewAsync(IQueryable<Dossier> found, CancellationToken ct)
    {
        var row = await found.AsNoTracking().Select(d => new
        {
            d.Id, d.Reference, d.Code, d.ProcedureCode, d.ProcedureVersionId, d.Channel, d.Version, d.Status, d.SubmittedAt, d.ReceivedAt,
            Appointment = d.AppointmentAt ?? d.DueAt,
            Events = d.Events.Where(e => e.PublicText != null).Select(e => new { e.At, e.ToStatus, e.PublicText }).ToList(),
        }).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        // The procedure's name from the version the dossier was filed under (cached: a published version never changes).
        var procedure = await dossiers.VersionAsync(row.ProcedureVersionId, ct);
        return new PublicDossier(row.Id, row.Reference, row.Code, row.ProcedureCode, procedure.Name, row.Channel, row.Version,
            row.Status, row.SubmittedAt, row.ReceivedAt, row.Appointment,
            [.. row.Events.OrderBy(e => e.At).Select(e => new PublicHistoryEntry(e.At, e.ToStatus, e.ToStatus.VietnameseName(), e.PublicText!))]);
    }
}
