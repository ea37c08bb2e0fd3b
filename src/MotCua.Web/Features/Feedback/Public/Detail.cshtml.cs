using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MotCua.Domain.Feedback;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Feedback.Reporting;

namespace MotCua.Web.Features.Feedback.Public;

/// <summary>
/// A report's public page: status, unit, due date, the public steps and the answers with their photos. A signed-in
/// citizen follows or stops following it; its reporter rates the answer and may reopen it within the window. A hidden
/// report is "not found" to everyone, its reporter included. Reads the citizen cookie, so the forms' token is theirs.
/// </summary>
[AllowAnonymous]
[Authorize(AuthenticationSchemes = CitizenIdentity.Scheme)]
public sealed class DetailModel(PublicReports reports, CitizenActions actions, IOptions<ReportingOptions> options, TimeProvider clock, IStringLocalizer<MotCuaOptions> t) : PageModel
{
    [FromRoute] public string Number { get; set; } = "";

    public PublicReport Report { get; private set; } = null!;
    public bool SignedIn => CitizenId is not null;
    public bool Following { get; private set; }
    public bool IsReporter { get; private set; }
    public bool CanReopen { get; private set; }
    public int ReopenWindowDays => options.Value.ReopenWindowDays;
    public string? Message { get; private set; }
    public List<(string FieldId, string Message)> Errors { get; } = [];
    public int? Score { get; set; }
    public string? Comment { get; set; }
    public string? Reason { get; set; }

    private string? CitizenId => CitizenIdentity.IdNumberOf(User);

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken ct)
    {
        Message = done switch
        {
            "followed" => t["feedback.done.followed"].Value,
            "unfollowed" => t["feedback.done.unfollowed"].Value,
            "rated" => t["feedback.done.rated"].Value,
            "reopened" => t["feedback.done.reopened"].Value,
            _ => null,
        };
        return await ShowAsync(ct);
    }

    public Task<IActionResult> OnPostFollowAsync(CancellationToken ct) =>
        ActAsync((report, id) => actions.FollowAsync(report, User, ct), "followed", ct);

    public Task<IActionResult> OnPostUnfollowAsync(CancellationToken ct) =>
        ActAsync((report, id) => actions.UnfollowAsync(report, id, ct), "unfollowed", ct);

    public Task<IActionResult> OnPostRateAsync([FromForm] string? score, [FromForm] string? comment, CancellationToken ct)
    {
        Comment = comment;
        if (!int.TryParse(score, out var value) || value is < 1 or > 5)
        {
            Errors.Add(("score", t["feedback.error.score"].Value));
            return ShowAsync(ct, keepErrors: true);
        }
        Score = value;
        return ActAsync((report, id) => actions.RateAsync(report, id, value, comment, ct), "rated", ct);
    }

    public Task<IActionResult> OnPostReopenAsync([FromForm] string? reason, CancellationToken ct)
    {
        Reason = reason;
        return ActAsync((report, id) => actions.ReopenAsync(report, id, reason, ct), "reopened", ct);
    }

    private async Task<IActionResult> ActAsync(Func<FeedbackReport, string, Task> act, string done, CancellationToken ct)
    {
        var report = await actions.FindVisibleAsync(Number, CitizenId, ct);
        if (report is null) return NotFound();
        if (CitizenId is not { } id) return LocalRedirect("/citizen/sign-in?returnUrl=" + Uri.EscapeDataString("/feedback/" + Number));
        try
        {
            await act(report, id);
        }
        catch (FeedbackProblem e)
        {
            Errors.Add((e.Field, FeedbackMessages.Localize(e.Message, t)));
            return await ShowAsync(ct, keepErrors: true);
        }
        return LocalRedirect($"/feedback/{Number}?done={done}");
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct, bool keepErrors = false)
    {
        var found = await reports.FindAsync(Number, CitizenId, ct);
        if (found is null) return NotFound();
        Report = found;
        if (CitizenId is { } id && await actions.FindVisibleAsync(Number, CitizenId, ct) is { } report)
        {
            Following = await actions.FollowsAsync(report.Id, id, ct);
            IsReporter = report.Reporter?.CitizenId == id;
            CanReopen = IsReporter && report.Status is FeedbackStatus.Resolved or FeedbackStatus.Rejected
                && report.ClosedAt is { } closed && clock.GetUtcNow() <= closed + actions.ReopenWindow;
        }
        if (keepErrors && Errors.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
