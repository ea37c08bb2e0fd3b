using Microsoft.AspNetCore.Mvc;
using MotCua.Web.Features.Dossiers.Attachments;
using MotCua.Web.Infrastructure.Storage;

namespace MotCua.Web.Features.Dossiers.Office;

/// <summary>
/// Downloads one of a dossier's files (an attachment or a result document) for staff who see the dossier; anyone
/// else gets a 404, as for the dossier. Always as an attachment with the type read from the bytes and nosniff, so a
/// file can never be rendered as a page of this site.
/// </summary>
public sealed class DossierFileModel(DossierActions actions, IFileStore store, AttachmentCheck check, Audit.IAuditLog audit) : OfficePageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid fileId, CancellationToken ct)
    {
        if (await actions.VisibleAsync(id, ct) is not { } dossier) return NotFound();
        var name = dossier.Attachments.FirstOrDefault(a => a.FileId == fileId)?.FileName
            ?? dossier.ResultDocuments.FirstOrDefault(r => r.FileId == fileId)?.Name;
        if (name is null || await store.OpenReadAsync(new FileId(fileId), ct) is not { } stream) return NotFound();
        await audit.WriteAsync(Audit.DossierRecords.Read("dossier.file", dossier, Audit.DossierRecords.File, name), ct);
        var kind = await ContentSniffer.IdentifyAsync(stream, check.Policy.MaxZipEntries, ct);
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "private, no-store";
        return File(stream, FileKinds.ContentType(kind), name);
    }
}
