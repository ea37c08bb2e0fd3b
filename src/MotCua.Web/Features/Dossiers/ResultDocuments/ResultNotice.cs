using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Documents;
using MotCua.Web.Features.Dossiers.Slips;
using MotCua.Web.Features.Organization;
using MotCua.Web.Infrastructure.Storage;

namespace MotCua.Web.Features.Dossiers.ResultDocuments;

/// <summary>
/// The result document the product writes itself when the officer attaches none: the written notice of the
/// outcome (granted, or refused with the reasons the law requires), as a PDF stored with the dossier's files.
/// Issue 5 adds the leader's digital signature to it.
/// </summary>
public sealed class ResultNotice(DossierService dossiers, UnitDirectory units, IFileStore files)
{
    public const string DocumentName = "Thông báo kết quả giải quyết hồ sơ";

    public async Task<ResultDocumentRef> CreateAsync(Dossier dossier, string signer, CancellationToken ct)
    {
        var procedure = await dossiers.VersionAsync(dossier.ProcedureVersionId, ct);
        var unit = (await units.TodayAsync(ct)).Find(dossier.ReceivingUnitId)?.Name ?? "";
        var pdf = PdfSlipWriter.Write(Build(dossier, procedure.Name, unit, signer));
        await using var content = new MemoryStream(pdf, writable: false);
        var stored = await files.SaveAsync(content, "application/pdf", ct);
        return new ResultDocumentRef(DocumentName, stored.Id.Value);
    }

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
}
