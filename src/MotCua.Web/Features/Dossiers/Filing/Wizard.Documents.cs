using Microsoft.AspNetCore.Mvc;
using MotCua.Web.Features.Dossiers.Attachments;

namespace MotCua.Web.Features.Dossiers.Filing;

// The attachment pages: one per required document, each upload checked by content, size and count before it is
// stored; a refused file leaves nothing behind and its reasons are shown next to the file input.
public sealed partial class WizardModel
{
    public async Task<IActionResult> OnPostUploadAsync(string code, Guid draftId, int step, IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(code, draftId, ct) || Draft is null) return NotFound();
        Step = Steps.Clamp(step);
        if (Current != WizardPage.Document) return Redirect(StepUrl(Step));
        if (file is null)
        {
            PageErrors = [("file", Text("filing.file.choose"))];
            return await ShowAsync(ct);
        }
        await using var content = file.OpenReadStream();
        var errors = await drafts.AddFileAsync(Draft, Steps.DocumentAt(Step).Key, new Upload(content, file.FileName, file.ContentType), ct);
        if (errors.Count > 0)
        {
            var localizer = HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<MotCuaOptions>>();
            PageErrors = [.. errors.Select(e => ("file", e.Text(localizer)))];
            return await ShowAsync(ct);
        }
        return Redirect(StepUrl(Step));
    }

    public async Task<IActionResult> OnPostRemoveAsync(string code, Guid draftId, int step, Guid fileId, CancellationToken ct)
    {
        if (!await LoadAsync(code, draftId, ct) || Draft is null) return NotFound();
        return await drafts.RemoveFileAsync(Draft, fileId, ct) ? Redirect(StepUrl(Steps.Clamp(step))) : NotFound();
    }

    /// <summary>Continue from a document page: a mandatory document needs at least one file; "back" never checks.</summary>
    public async Task<IActionResult> OnPostDocumentAsync(string code, Guid draftId, int step, string? nav, CancellationToken ct)
    {
        if (!await LoadAsync(code, draftId, ct) || Draft is null) return NotFound();
        Step = Steps.Clamp(step);
        if (Current != WizardPage.Document) return Redirect(StepUrl(Step));
        if (nav == "back") return await MoveAsync(Step - 1, ct);
        var document = Steps.DocumentAt(Step);
        if (document.Mandatory && !Draft.Attachments.Any(a => a.DocumentKey == document.Key))
        {
            PageErrors = [("file", Text("filing.document.required", document.Name))];
            return await ShowAsync(ct);
        }
        return await MoveAsync(Step + 1, ct);
    }

    public IReadOnlyList<DraftAttachment> FilesOf(string documentKey) =>
        Draft is null ? [] : [.. Draft.Attachments.Where(a => a.DocumentKey == documentKey).OrderBy(a => a.AddedAt)];

    public AttachmentPolicy Policy => HttpContext.RequestServices.GetRequiredService<AttachmentCheck>().Policy;
}
