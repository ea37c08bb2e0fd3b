using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Feedback;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Feedback.Data;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Feedback.Public;

/// <summary>
/// The signed-in citizen's reports (sent signed in, so they follow them) and the reports they follow, newest first. A
/// report a moderator hid shows only its number and that it was hidden: never its text.
/// </summary>
[Authorize(Policy = CitizenIdentity.Policy)]
public sealed class MineModel(MotCuaDbContext db, PublicReports reports) : PageModel
{
    public const int Limit = 200;

    public IReadOnlyList<PublicReport> Sent { get; private set; } = [];
    public IReadOnlyList<PublicReport> Followed { get; private set; } = [];
    public IReadOnlyList<string> HiddenNumbers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = CitizenIdentity.IdNumberOf(User)!;
        var followed = db.Set<FeedbackFollower>().Where(f => f.CitizenId == me).Select(f => f.ReportId);
        var rows = await db.Set<FeedbackReport>().AsNoTracking()
            .Where(r => r.Reporter!.CitizenId == me || followed.Contains(r.Id))
            .OrderByDescending(r => r.ReceivedAt).Take(Limit).AsSplitQuery().ToListAsync(ct);
        // The reporter sees their own report while it waits for moderation; one hidden by a moderator is only named.
        HiddenNumbers = [.. rows.Where(r => r.Hidden && !r.AwaitsModeration).Select(r => r.Number)];
        var mine = rows.Where(r => (!r.Hidden || r.AwaitsModeration) && r.Reporter?.CitizenId == me).ToList();
        Sent = await reports.ToPublicAsync(mine, ct);
        Followed = await reports.ToPublicAsync([.. rows.Where(r => !r.Hidden && !mine.Contains(r))], ct);
    }
}
