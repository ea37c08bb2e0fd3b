using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using MotCua.Web.Features.Dossiers.Forms;

namespace MotCua.Web.Features.Documents.Verify;

/// <summary>
/// The public page a document's QR code opens (no sign-in): what the document is, for which dossier, who issued
/// and signed it and whether the kept file is intact; and a form to check a copy someone holds (an upload, at
/// most 10 MB, only a PDF) against the registered bytes and its own signature. Names are masked; nothing else
/// personal is shown. Unknown ids are 404 whatever they look like.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(DocumentsModule.ReadPolicy)]
[RequestSizeLimit(2 * DocumentVerification.MaxUpload)]
[RequestFormLimits(MultipartBodyLengthLimit = 2 * DocumentVerification.MaxUpload)]
public sealed class VerifyModel(DocumentVerification verification, Dossiers.LookupLink links) : PageModel
{
    /// <summary>The dossier's public status (the signed lookup link), for whoever holds its paper; null for documents of no dossier.</summary>
    public string? StatusPath => Status.Document.DossierCode is { } code ? links.PathFor(code) : null;

    public const string FileField = "File";

    public DocumentStatus Status { get; private set; } = null!;

    public UploadVerdict? Upload { get; private set; }

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await verification.StatusAsync(id, ct) is not { } status) return NotFound();
        Status = status;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await verification.StatusAsync(id, ct) is not { } status) return NotFound();
        Status = status;
        IFormFile? file;
        try { file = Request.HasFormContentType ? (await Request.ReadFormAsync(ct)).Files.GetFile(FileField) : null; }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return Error("documents.error.toolarge");
        }
        if (file is null || file.Length == 0) return Error("documents.error.empty");
        if (file.Length > DocumentVerification.MaxUpload) return Error("documents.error.toolarge");
        await using var stream = file.OpenReadStream();
        Upload = await verification.CheckAsync(status.Document, stream, ct);
        return Upload.Error is { } error ? Error(error) : Page();
    }

    private PageResult Error(string key)
    {
        Upload = null;
        Errors = [new FieldError(FileField, FileField, key, [])];
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
