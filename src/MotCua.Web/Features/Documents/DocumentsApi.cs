using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Documents.Registry;
using MotCua.Web.Features.Documents.Signing;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Documents;

/// <summary>
/// The verification page's JSON twin, public and rate-limited: GET a registered document's record and integrity;
/// POST a PDF (the raw body, application/pdf, at most 10 MB) to learn whether it is exactly that document and
/// whether its signature holds. Problems are problem details naming the field "file".
/// </summary>
public static class DocumentsApi
{
    public static WebApplication MapDocumentsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/documents").WithTags("Documents").AllowAnonymous();

        api.MapGet("/{id:guid}", async (Guid id, DocumentVerification verification, CancellationToken ct) =>
            await verification.StatusAsync(id, ct) is { } status ? Results.Ok(View(status)) : Results.NotFound())
            .RequireRateLimiting(DocumentsModule.ReadPolicy);

        api.MapPost("/{id:guid}/verify", async (Guid id, HttpRequest request, DocumentVerification verification, IStringLocalizer<MotCuaOptions> t, CancellationToken ct) =>
        {
            if (await verification.StatusAsync(id, ct) is not { } status) return Results.NotFound();
            if (request.ContentLength > DocumentVerification.MaxUpload) return Problem(t, "documents.error.toolarge", StatusCodes.Status413PayloadTooLarge);
            var verdict = await verification.CheckAsync(status.Document, request.Body, ct);
            if (verdict.Error is { } error) return Problem(t, error, error == "documents.error.toolarge" ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
            return Results.Ok(new { matchesRegistered = verdict.MatchesRegistered, signature = Signature(verdict.Signature) });
        }).RequireRateLimiting(DocumentsModule.UploadPolicy).DisableAntiforgery();
        return app;
    }

    private static object View(DocumentStatus status)
    {
        var d = status.Document;
        return new
        {
            id = d.Id, kind = d.Kind, title = d.Title, dossierCode = d.DossierCode, unit = d.UnitName, holder = d.HolderMasked,
            issuedAt = VietnamTime.Iso(d.IssuedAt), sha256 = d.Sha256, intact = status.StoredIntact,
            verificationPath = DocumentRegistry.PathFor(d.Id),
            signed = d.IsSigned, signer = d.SignerName, signerUnit = d.SignerUnit, signedAt = VietnamTime.Iso(d.SignedAt),
            signature = Signature(status.Signature),
        };
    }

    private static object? Signature(PdfSignatureReport? s) => s is null || !s.Signed ? null : new
    {
        valid = s.Valid, intact = s.Intact, trusted = s.Trusted, modifiedAfterSigning = s.ModifiedAfterSigning,
        signer = s.SignerName, unit = s.SignerUnit, signedAt = VietnamTime.Iso(s.SigningTime), problem = s.Problem,
    };

    private static IResult Problem(IStringLocalizer t, string key, int status) =>
        Results.Problem(new ProblemDetails
        {
            Status = status,
            Title = t[key],
            Extensions = { ["code"] = key, ["errors"] = new Dictionary<string, string[]> { ["file"] = [t[key]] } },
        });
}
