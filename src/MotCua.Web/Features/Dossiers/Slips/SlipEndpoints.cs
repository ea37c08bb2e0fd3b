using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Documents;

namespace MotCua.Web.Features.Dossiers.Slips;

/// <summary>
/// The slips as PDF: for staff who may see the dossier (the fallback policy already requires a staff
/// sign-in), and the receipt for the citizen who owns it. The printable HTML twins are <c>Slip.cshtml</c>.
/// </summary>
public static class SlipEndpoints
{
    public static WebApplication MapSlipEndpoints(this WebApplication app)
    {
        app.MapGet("/staff/dossiers/{id:guid}/slips/{number}.pdf", async (Guid id, string number, HttpContext http, SlipService slips, Audit.IAuditLog audit, CancellationToken ct) =>
        {
            if (await slips.ForStaffAsync(id, ct) is not { } dossier || await slips.IssueAsync(dossier, number, http.Request, ct) is not { } slip) return Results.NotFound();
            // Every slip carries the applicant's name and contact details.
            await audit.WriteAsync(Audit.DossierRecords.Read("dossier.slip", dossier, Audit.DossierRecords.Slip, "mẫu " + number), ct);
            return Pdf(slip);
        });

        app.MapGet("/my/dossiers/{id:guid}/receipt.pdf", async (Guid id, HttpContext http, SlipService slips, CancellationToken ct) =>
            await slips.ForCitizenAsync(id, CitizenIdentity.IdNumberOf(http.User), ct) is { } dossier
            && await slips.IssueAsync(dossier, SlipNumbers.Receipt, http.Request, ct) is { } slip
                ? Pdf(slip)
                : Results.NotFound())
            .RequireAuthorization(CitizenIdentity.Policy);
        return app;
    }

    /// <summary>The registered bytes as an attachment (house rule for PDFs we serve); the name is ASCII: form number and code.</summary>
    private static IResult Pdf(IssuedSlip slip) =>
        Results.File(slip.Pdf, "application/pdf", slip.Slip.FileName, enableRangeProcessing: false);
}
