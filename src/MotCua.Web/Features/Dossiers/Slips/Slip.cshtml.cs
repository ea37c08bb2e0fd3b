using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Documents;

namespace MotCua.Web.Features.Dossiers.Slips;

/// <summary>
/// A slip as a printable page for the counter (print CSS, no script): the same <see cref="SlipDocument"/> as
/// the PDF. Staff only (fallback policy), and only for a dossier within their units; otherwise 404.
/// </summary>
public sealed class SlipModel(SlipService slips, Audit.IAuditLog audit) : PageModel
{
    public SlipDocument Slip { get; private set; } = null!;

    public string QrImage { get; private set; } = "";

    public string PdfUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, string number, CancellationToken ct)
    {
        if (await slips.ForStaffAsync(id, ct) is not { } dossier) return NotFound();
        // Issued like the PDF, so the page's QR code opens the same registered document's verification page.
        if ((await slips.IssueAsync(dossier, number, Request, ct))?.Slip is not { } slip) return NotFound();
        await audit.WriteAsync(Audit.DossierRecords.Read("dossier.slip", dossier, Audit.DossierRecords.Slip, "mẫu " + number), ct);
        Slip = slip;
        QrImage = slip.QrUrl is { } url ? QrCodes.PngDataUrl(url) : "";
        PdfUrl = $"/staff/dossiers/{id}/slips/{number}.pdf";
        return Page();
    }
}
