using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Feedback;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Feedback.Reporting;

/// <summary>The confirmation after a report: its number and where to follow it. Only what the public page shows; a hidden report is not found.</summary>
[AllowAnonymous]
[Authorize(AuthenticationSchemes = CitizenIdentity.Scheme)]
public sealed class SentModel(MotCuaDbContext db) : PageModel
{
    public string Number { get; private set; } = "";
    public DateTimeOffset DueAt { get; private set; }
    public bool Mine { get; private set; }
    /// <summary>Not public until staff have moderated it: the page says so instead of linking to a page not there yet.</summary>
    public bool Awaiting { get; private set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        var report = await db.Set<FeedbackReport>().AsNoTracking().Where(r => r.Number == number && (!r.Hidden || r.ModeratedAt == null))
            .Select(r => new { r.Number, r.DueAt, ReporterId = r.Reporter!.CitizenId, Awaiting = r.Hidden }).FirstOrDefaultAsync(ct);
        if (report is null) return NotFound();
        Number = report.Number;
        DueAt = report.DueAt;
        Awaiting = report.Awaiting;
        Mine = report.ReporterId is not null && report.ReporterId == CitizenIdentity.IdNumberOf(User);
        return Page();
    }
}
