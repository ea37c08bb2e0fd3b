using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Documents;
using MotCua.Web.Features.Documents.Data;
using MotCua.Web.Features.Documents.Registry;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organization;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Dossiers.Slips;

/// <summary>
/// Finds a dossier for whoever asks for one of its slips and gathers what the slip prints. Staff see a dossier
/// when its receiving unit, or a unit holding one of its tasks, is among the units they may see; a citizen
/// sees their own. Anything else is "not found", exactly like an id that does not exist.
/// </summary>
public sealed class SlipService(
    MotCuaDbContext db, UnitScope scope, UnitDirectory units, DossierService dossiers, LookupLink links, PublicAddress address, DocumentRegistry registry)
{
    private const string VerifyCaption = "Quét mã QR để xác thực giấy này và xem tình trạng giải quyết hồ sơ, không cần đăng nhập.";

    /// <summary>
    /// The slip as issued: registered in the document registry the first time it says what it says now, its QR code
    /// opening its verification page; asked again unchanged, the same registered file (same bytes, same QR code).
    /// Form 05 grows with the dossier, so each new state is a new registered document.
    /// </summary>
    public async Task<IssuedSlip?> IssueAsync(Dossier dossier, string number, HttpRequest request, CancellationToken ct)
    {
        if (await SlipAsync(dossier, number, request, ct) is not { } slip) return null;
        var kind = DocumentKinds.Slip(number);
        var key = SlipContentKey.Of(slip);
        for (var attempt = 0; ; attempt++)
        {
            if (await registry.FindByContentAsync(dossier.Id, kind, key, ct) is { } kept && await registry.BytesAsync(kept, ct) is { } bytes)
                return new IssuedSlip(slip with { QrUrl = registry.VerificationUrl(kept.Id), QrCaption = VerifyCaption }, bytes);
            var id = DocumentRegistry.NewId();
            var issued = slip with { QrUrl = registry.VerificationUrl(id), QrCaption = VerifyCaption };
            var pdf = PdfSlipWriter.Write(issued);
            var what = new DocumentIssue(kind, slip.Title, dossier.Id, dossier.Code ?? dossier.Reference, dossier.ReceivingUnitId, slip.Issuer, dossier.Owner.FullName, key);
            try
            {
                await registry.RegisterAsync(id, what, pdf, null, ct);
                return new IssuedSlip(issued, pdf);
            }
            // Two requests issued the same slip at once: the unique index kept one; serve that one.
            catch (DbUpdateException) when (attempt == 0)
            {
            }
        }
    }

    public async Task<Dossier?> ForStaffAsync(Guid id, CancellationToken ct)
    {
        var dossier = await FindAsync(id, ct);
        if (dossier is null) return null;
        var visible = await scope.VisibleTodayAsync(ct);
        return DossierPermissions.CanSee(dossier, visible) ? dossier : null;
    }

    public async Task<Dossier?> ForCitizenAsync(Guid id, string? idNumber, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(idNumber)) return null;
        var dossier = await FindAsync(id, ct);
        return dossier is not null && string.Equals(dossier.Owner.IdNumber, idNumber, StringComparison.Ordinal) ? dossier : null;
    }

    /// <summary>The slip's content, or null when the dossier has not produced that slip.</summary>
    public async Task<SlipDocument?> SlipAsync(Dossier dossier, string number, HttpRequest request, CancellationToken ct)
    {
        if (!SlipNumbers.Exists(dossier, number)) return null;
        var definition = await dossiers.VersionAsync(dossier.ProcedureVersionId, ct);
        var ids = dossier.Tasks.Select(t => t.UnitId)
            .Concat(dossier.ProcessingControlSlip().SelectMany(e => new[] { e.FromUnitId ?? Guid.Empty, e.ToUnitId }))
            .Append(dossier.ReceivingUnitId).Where(u => u != Guid.Empty).ToHashSet();
        var names = await UnitNamesAsync(ids, ct);
        var lookup = address.Absolute(request, links.PathFor(dossier.Code ?? dossier.Reference));
        var source = new SlipSource(dossier, definition.Name, names.GetValueOrDefault(dossier.ReceivingUnitId, ""), names, lookup);
        return SlipBuilder.Build(source, number);
    }

    private async Task<Dossier?> FindAsync(Guid id, CancellationToken ct) =>
        await db.Dossiers.AsNoTracking().Include(d => d.Tasks).AsSplitQuery().FirstOrDefaultAsync(d => d.Id == id, ct);

    /// <summary>Today's names; a unit closed since (merged wards) keeps the name of its last version.</summary>
    private async Task<Dictionary<Guid, string>> UnitNamesAsync(HashSet<Guid> ids, CancellationToken ct)
    {
        var tree = await units.TodayAsync(ct);
        var names = new Dictionary<Guid, string>();
        foreach (var id in ids)
        {
            if (tree.Find(id) is { } unit) names[id] = unit.Name;
        }
        var missing = ids.Where(id => !names.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            var old = await db.UnitVersions.AsNoTracking().Where(v => missing.Contains(v.UnitId))
                .Select(v => new { v.UnitId, v.ValidFrom, v.Name }).ToListAsync(ct);
            foreach (var group in old.GroupBy(v => v.UnitId)) names[group.Key] = group.MaxBy(v => v.ValidFrom)!.Name;
        }
        return names;
    }
}
