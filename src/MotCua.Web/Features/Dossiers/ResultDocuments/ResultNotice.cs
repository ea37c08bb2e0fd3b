using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Documents;
using MotCua.Web.Features.Documents.Data;
using MotCua.Web.Features.Documents.Registry;
using MotCua.Web.Features.Documents.Signing;
using MotCua.Web.Features.Dossiers.Slips;
using MotCua.Web.Features.Organization;
using MotCua.Web.Infrastructure.Storage;

namespace MotCua.Web.Features.Dossiers.ResultDocuments;

/// <summary>The result's documents as the dossier records them, and their registry rows (staged: saved with the action).</summary>
public sealed record IssuedResults(IReadOnlyList<ResultDocumentRef> Documents, IReadOnlyList<IssuedDocument> Registered);

/// <summary>
/// The result documents at "issue result": the written notice of the outcome (granted, or refused with the reasons
/// the law requires) generated when the officer attaches none, and the officer's PDF attachments, each signed by
/// the leader who decided (PAdES, docs/adr/0020) and entered in the document registry, whose page the notice's QR
/// code opens. A document that cannot be signed refuses the action: nothing is issued unsigned (docs/documents.md).
/// </summary>
public sealed class ResultNotice(DossierService dossiers, UnitDirectory units, IFileStore files, DocumentRegistry registry, PdfSigning signing)
{
    public const string DocumentName = "Thông báo kết quả giải quyết hồ sơ";
    public const string SigningFailed = "dossier.signing-failed";
    private const string Reason = "Ký ban hành kết quả giải quyết thủ tục hành chính";

    public async Task<IssuedResults> IssueAsync(Dossier dossier, IReadOnlyList<ResultDocumentRef>? attached, Actor issuer, CancellationToken ct)
    {
        var officer = await ResultSigner.ForAsync(dossier, issuer, units, ct);
        var staged = new List<IssuedDocument>();
        try
        {
            if (attached is not { Count: > 0 }) return new([await NoticeAsync(dossier, officer, staged, ct)], staged);
            var documents = new List<ResultDocumentRef>();
            foreach (var document in attached) documents.Add(await AttachmentAsync(dossier, document, officer, staged, ct));
            return new(documents, staged);
        }
        catch (SigningUnavailableException e)
        {
            registry.Discard(staged);
            throw new DossierRuleException(SigningFailed, "Chưa trả kết quả: không ký số được văn bản kết quả. " + e.Message);
        }
        catch
        {
            registry.Discard(staged);
            throw;
        }
    }

    private async Task<ResultDocumentRef> NoticeAsync(Dossier dossier, SigningOfficer officer, List<IssuedDocument> staged, CancellationToken ct)
    {
        var procedure = await dossiers.VersionAsync(dossier.ProcedureVersionId, ct);
        var id = DocumentRegistry.NewId();
        var slip = Build(dossier, procedure.Name, officer.UnitName, officer.Name) with
        {
            QrUrl = registry.VerificationUrl(id),
            QrCaption = "Quét mã QR để xác thực văn bản này (người ký, thời điểm ký, tính toàn vẹn).",
        };
        var signed = await signing.SignAsync(PdfSlipWriter.Write(slip), officer, Reason, ct);
        var registered = await registry.StageAsync(id, Issue(dossier, DocumentKinds.ResultNotice, DocumentName, officer), signed.Bytes, signed.Signature, ct);
        staged.Add(registered);
        return new ResultDocumentRef(DocumentName, registered.FileId);
    }

    /// <summary>A PDF the officer attached is signed and registered in place of the upload; any other file goes as it came.</summary>
    private async Task<ResultDocumentRef> AttachmentAsync(Dossier dossier, ResultDocumentRef document, SigningOfficer officer, List<IssuedDocument> staged, CancellationToken ct)
    {
        byte[] bytes;
        await using (var stream = await files.OpenReadAsync(new FileId(document.FileId), ct))
        {
            if (stream is null) return document;
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, ct);
            bytes = copy.ToArray();
        }
        if (!bytes.AsSpan().StartsWith("%PDF-"u8)) return document;
        SignedPdf signed;
        try { signed = await signing.SignAsync(bytes, officer, Reason, ct); }
        catch (PdfSigningException e)
        {
            throw new ActionInputException(new ActionInputProblem("documents",
                $"{document.Name}: không ký số được tệp PDF này ({e.Message}). Hãy xuất lại tệp PDF rồi tải lên.",
                $"{document.Name}: this PDF cannot be signed ({e.Message}). Export it again and upload it."));
        }
        var registered = await registry.StageAsync(DocumentRegistry.NewId(), Issue(dossier, DocumentKinds.ResultAttachment, document.Name, officer), signed.Bytes, signed.Signature, ct);
        staged.Add(registered);
        return new ResultDocumentRef(document.Name, registered.FileId);
    }

    private static DocumentIssue Issue(Dossier dossier, string kind, string title, SigningOfficer officer) =>
        new(kind, title, dossier.Id, dossier.Code ?? dossier.Reference, officer.UnitId, officer.UnitName, dossier.Owner.FullName);

    /// <summary>A refusal after examination carries its reasons; anything else grants what was asked.</summary>
    public static SlipDocument Build(Dossier d, string procedureName, string unitName, string signer)
    {
        var refused = d.Decision == Decision.Rejected;
        var key = d.Code ?? d.Reference;
        return new SlipDocument
        {
            FormNumber = "KQ",
            Issuer = unitName,
            Title = "THÔNG BÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
            Subtitle = $"Hồ sơ {key}",
            Blocks =
            [
                new SlipField("Kính gửi", d.Owner.FullName),
                new SlipField("Thủ tục", procedureName),
                new SlipField("Mã hồ sơ", key),
                new SlipField("Ngày tiếp nhận", d.ReceivedAt is { } r ? SlipBuilder.When(r) : ""),
                new SlipField("Kết quả", refused ? "Không giải quyết" : "Đã giải quyết"),
                refused
                    ? new SlipParagraph($"Lý do không giải quyết: {d.DecisionReason}. Nếu không đồng ý, ông/bà có quyền khiếu nại theo quy định của pháp luật.")
                    : new SlipParagraph("Yêu cầu của ông/bà đã được giải quyết theo quy định. Kết quả được trả theo hình thức đã đăng ký."),
            ],
            Signers = [new SlipSigner("NGƯỜI KÝ", signer)],
            FileName = $"ket-qua-{key}.pdf",
        };
    }

    /// <summary>Takes back the registry rows of an action that then failed.</summary>
    public void Discard(IssuedResults issued) => registry.Discard(issued.Registered);
}
