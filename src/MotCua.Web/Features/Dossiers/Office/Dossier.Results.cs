using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Dossiers.Attachments;
using MotCua.Web.Infrastructure.Storage;

namespace MotCua.Web.Features.Dossiers.Office;

// The result documents the officer uploads with "issue result": checked by content like every upload
// (AttachmentCheck), stored by id (IFileStore), and handed to the domain as ResultDocumentRefs.
public sealed partial class DossierPageModel
{
    public const string DocumentsField = "Documents";

    /// <summary>
    /// Stores the uploaded files and returns the body with them; null (with the errors beside the field) when a
    /// file is refused. Nothing is stored for someone who may not issue the result: the action then refuses them.
    /// </summary>
    private async Task<StaffActionBody?> StoreResultsAsync(Guid id, StaffActionBody body, CancellationToken ct)
    {
        var files = Request.HasFormContentType ? Request.Form.Files.GetFiles(DocumentsField) : [];
        var uploads = files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (uploads.Count == 0) return body;
        if (await actions.VisibleAsync(id, ct) is not { } dossier
            || await actions.RefusalAsync(dossier, DossierActions.DutyOf("result", dossier), User, null, ct) is not null)
            return body;

        var check = HttpContext.RequestServices.GetRequiredService<AttachmentCheck>();
        var field = FieldId("result", "documents");
        var checkedFiles = new List<(IFormFile File, AttachmentCheckResult Result)>();
        for (var i = 0; i < uploads.Count; i++)
        {
            await using var stream = uploads[i].OpenReadStream();
            var result = await check.CheckAsync(stream, uploads[i].FileName, uploads[i].ContentType, dossier.ResultDocuments.Count + i, i, ct);
            foreach (var error in result.Errors) Errors.Add(field, $"{result.FileName ?? uploads[i].FileName}: {error.Text(L)}");
            checkedFiles.Add((uploads[i], result));
        }
        if (Errors.Any) return null;

        var store = HttpContext.RequestServices.GetRequiredService<IFileStore>();
        var documents = new List<ResultDocumentRef>();
        foreach (var (file, result) in checkedFiles)
        {
            await using var stream = file.OpenReadStream();
            var stored = await store.SaveAsync(stream, result.ContentType, ct);
            documents.Add(new ResultDocumentRef(result.FileName!, stored.Id.Value));
        }
        return body with { Documents = [.. body.Documents ?? [], .. documents] };
    }

    /// <summary>Files stored for an action that then failed belong to no dossier: remove them.</summary>
    private async Task ForgetResultsAsync(StaffActionBody body, CancellationToken ct)
    {
        if (body.Documents is not { Count: > 0 } documents) return;
        var store = HttpContext.RequestServices.GetRequiredService<IFileStore>();
        foreach (var document in documents) await store.DeleteAsync(new FileId(document.FileId), ct);
    }
}
