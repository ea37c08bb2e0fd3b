using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Documents;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Payments.Data;
using MotCua.Web.Infrastructure;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Payments;

/// <summary>
/// The dossier's receipts as one PDF (one section per receipt), drawn by the shared slip writer: for the citizen who
/// owns the dossier and for staff who see it. A dossier with nothing paid gets a page that says so.
/// </summary>
public sealed class ReceiptPdf(MotCuaDbContext db, UnitDirectory units)
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/my/dossiers/{id:guid}/payment/receipts.pdf", async (Guid id, HttpContext http, DossierService dossiers, ReceiptPdf pdf, CancellationToken ct) =>
        {
            Dossier dossier;
            try { dossier = await dossiers.LoadOwnedAsync(id, CitizenIdentity.IdNumberOf(http.User) ?? "", ct); }
            catch (DossierProblem) { return Results.NotFound(); }
            return await pdf.FileAsync(dossier, ct);
        }).RequireAuthorization(CitizenIdentity.Policy);

        app.MapGet("/staff/dossiers/{id:guid}/payment/receipts.pdf", async (Guid id, DossierActions actions, ReceiptPdf pdf, Audit.IAuditLog audit, CancellationToken ct) =>
        {
            if (await actions.VisibleAsync(id, ct) is not { } dossier) return Results.NotFound();
            await audit.WriteAsync(Audit.DossierRecords.Read("payment.receipts", dossier, Audit.DossierRecords.Slip, "biên lai"), ct);
            return await pdf.FileAsync(dossier, ct);
        });
    }

    private async Task<IResult> FileAsync(Dossier dossier, CancellationToken ct)
    {
        var receipts = await db.Set<PaymentReceipt>().AsNoTracking().Where(r => r.DossierId == dossier.Id).OrderBy(r => r.Sequence).ToListAsync(ct);
        var slip = await DocumentAsync(dossier, receipts, ct);
        return Results.File(PdfSlipWriter.Write(slip), "application/pdf", slip.FileName, enableRangeProcessing: false);
    }

    public async Task<SlipDocument> DocumentAsync(Dossier dossier, IReadOnlyList<PaymentReceipt> receipts, CancellationToken ct)
    {
        var unit = (await units.TodayAsync(ct)).Find(dossier.ReceivingUnitId);
        var blocks = new List<SlipBlock>();
        if (receipts.Count == 0) blocks.Add(new SlipParagraph("Hồ sơ chưa có khoản thu phí, lệ phí nào."));
        foreach (var r in receipts)
        {
            blocks.Add(new SlipHeading($"Biên lai số {r.Number}"));
            blocks.Add(new SlipField("Người nộp", r.PayerName));
            blocks.Add(new SlipField("Hồ sơ", dossier.Code ?? dossier.Reference));
            blocks.Add(new SlipField("Nội dung thu", r.Description));
            blocks.Add(new SlipField("Số tiền", Money(r.Amount)));
            blocks.Add(new SlipField("Hình thức", r.Method == PaymentMethod.Online ? "Thanh toán trực tuyến qua VNPay" : "Tiền mặt tại bộ phận một cửa"));
            if (r.Reference is { } reference) blocks.Add(new SlipField("Mã giao dịch", reference));
            blocks.Add(new SlipField("Thời gian", VietnamTime.Iso(r.IssuedAt) ?? ""));
            blocks.Add(new SlipField("Người thu", r.IssuedBy));
        }
        return new SlipDocument
        {
            FormNumber = "01BLP", Issuer = unit?.Name ?? "", Title = "Biên lai thu phí, lệ phí", Subtitle = dossier.Code ?? dossier.Reference,
            Blocks = blocks, FileName = $"bien-lai-{dossier.Code ?? dossier.Reference}.pdf",
        };
    }

    public static string Money(long amount) => amount.ToString("N0", CultureInfo.GetCultureInfo("vi-VN")) + " đồng";
}
