using Microsoft.AspNetCore.Mvc;
using MotCua.Web.Features.Feedback.Handling;

namespace MotCua.Web.Features.Feedback.Office;

// Every action form of the report page lands here as ?act=NAME. The form's fields make the same HandlingBody as the
// JSON API, so FeedbackHandling is the one place that decides. Done: post/redirect/get. Otherwise the page comes back
// as the report now stands, with the field's message (200), the refusal (403) or the conflict (409).
public sealed partial class FeedbackReportModel
{
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? ToUnit { get; set; }
    [BindProperty] public string? Original { get; set; }
    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public string? PublishedText { get; set; }
    [BindProperty] public bool Hidden { get; set; }
    [BindProperty] public List<IFormFile> Photos { get; set; } = [];

    /// <summary>The service's sentence in the reader's language (<see cref="FeedbackMessages"/>).</summary>
    private string? Told(string? message) => message is null ? null
        : FeedbackMessages.Localize(message, HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<MotCuaOptions>>());

    /// <summary>The action whose post failed: its form shows what was typed and its errors.</summary>
    public string? Failed { get; private set; }

    /// <summary>The value typed into a field of the form that failed, so nothing has to be typed again.</summary>
    public string? Posted(string action, string? value) => Failed == action ? value : null;

    public async Task<IActionResult> OnPostAsync(Guid id, string? act, CancellationToken ct)
    {
        if (!FeedbackActions.Exists(act)) return NotFound();
        var body = new HandlingBody
        {
            Version = Version, Reason = Reason, ToUnit = ToUnit, Original = Original, Answer = Answer, PublishedText = PublishedText, Hidden = Hidden,
        };
        var outcome = await handling.RunAsync(act!, id, body, Photos, User, ct);
        switch (outcome.Status)
        {
            case HandlingStatus.Done:
                return Redirect($"/staff/feedback/{id}?done={act}");
            case HandlingStatus.NotFound:
                return NotFound();
            case HandlingStatus.Invalid:
                Errors.Add(FieldId(act!, outcome.Field!), Told(outcome.Message!)!);
                return await ShowAgainAsync(id, act!, StatusCodes.Status200OK, ct);
            case HandlingStatus.Forbidden:
                Problem = Told(outcome.Message);
                return await ShowAgainAsync(id, act!, StatusCodes.Status403Forbidden, ct);
            default:
                Problem = Told(outcome.Message);
                return await ShowAgainAsync(id, act!, StatusCodes.Status409Conflict, ct);
        }
    }

    /// <summary>The error's anchor: each form's fields carry the action, as one page holds several forms (the office pages' scheme).</summary>
    public static string FieldId(string action, string field) => Dossiers.Office.DossierPageModel.FieldId(action, field);

    /// <summary>One input of an action form, with what was typed and its errors when that form failed.</summary>
    public Dossiers.Office.ActionField Field(string action, string name, string label, string? value, string? hint = null, string type = "text", bool keep = false) =>
        new(action, name, label, keep ? value : Posted(action, value), Errors.For(FieldId(action, name)), hint, type);

    /// <summary>Reloads the report as it is now (nothing of the failed attempt stays in the unit of work) and shows the page.</summary>
    private async Task<IActionResult> ShowAgainAsync(Guid id, string act, int status, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, ct)) return NotFound();
        Failed = act;
        Response.StatusCode = status;
        return Page();
    }
}
