using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Dossiers.Forms;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers.Office;

// The action forms post here: the fields become the same StaffActionBody the JSON API takes, and DossierActions
// checks and applies it. Success redirects (post/redirect/get); a problem shows the page again with the message
// beside the field (200), the refusal (403) or the conflict (409), and changes nothing.
public sealed partial class DossierPageModel
{
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? ToStep { get; set; }
    [BindProperty] public string? ToUnit { get; set; }
    [BindProperty] public Guid? TaskId { get; set; }
    [BindProperty] public Guid? StaffId { get; set; }
    [BindProperty] public string? Question { get; set; }
    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public string? WorkingDays { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public int? Channel { get; set; }
    [BindProperty] public string? NewAppointment { get; set; }
    [BindProperty] public string? Items { get; set; }

    /// <summary>The value typed into a field of the form that failed, so nothing has to be typed again.</summary>
    public string? Posted(string action, string? value) => Failed == action ? value : null;

    public async Task<IActionResult> OnPostAsync(Guid id, string? act, CancellationToken ct)
    {
        if (act is null || !DossierActions.Exists(act)) return NotFound();
        var body = ReadBody(act);
        if (body is not null && act == "result") body = await StoreResultsAsync(id, body, ct);
        if (body is null)
        {
            // Fields that could not even be read (a number, a date, a file) are reported before anything is tried.
            return await ShowAgainAsync(id, act, StatusCodes.Status200OK, ct);
        }

        var outcome = await actions.RunAsync(act, id, body, User, ct);
        switch (outcome.Status)
        {
            case ActionStatus.Done:
                return Redirect($"/staff/dossiers/{id}?done={act}");
            case ActionStatus.NotFound:
                return NotFound();
            case ActionStatus.Invalid:
                Errors.Add(FieldId(act, outcome.Input!.Field), outcome.Input.Text);
                await ForgetResultsAsync(body, ct);
                return await ShowAgainAsync(id, act, StatusCodes.Status200OK, ct);
            case ActionStatus.Forbidden:
                Problem = outcome.Message;
                return await ShowAgainAsync(id, act, StatusCodes.Status403Forbidden, ct);
            default:
                Problem = outcome.IsVersionConflict ? L["office.conflict"].Value : outcome.Message;
                await ForgetResultsAsync(body, ct);
                return await ShowAgainAsync(id, act, StatusCodes.Status409Conflict, ct);
        }
    }

    /// <summary>The error's anchor: each form's fields are prefixed with the action, as one page holds many forms.</summary>
    public static string FieldId(string action, string field) => action + "-" + char.ToUpperInvariant(field[0]) + field[1..];

    private StaffActionBody? ReadBody(string act)
    {
        int? workingDays = null;
        long? amount = null;
        DateTimeOffset? appointment = null;
        if (!string.IsNullOrWhiteSpace(WorkingDays))
        {
            if (int.TryParse(WorkingDays.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days)) workingDays = days;
            else AddError(FieldId(act, "workingDays"), "office.error.number");
        }
        if (!string.IsNullOrWhiteSpace(Amount))
        {
            if (FormAnswers.TryParseInteger(Amount, out var vnd)) amount = vnd;
            else AddError(FieldId(act, "amount"), "office.error.number");
        }
        if (!string.IsNullOrWhiteSpace(NewAppointment))
        {
            if (ParseAppointment(NewAppointment) is { } at) appointment = at;
            else AddError(FieldId(act, "newAppointment"), "office.error.datetime");
        }
        if (Errors.Any) return null;
        return new StaffActionBody
        {
            Version = Version, Reason = Reason, Note = Note, ToStep = ToStep, ToUnit = ToUnit, TaskId = TaskId, StaffId = StaffId,
            Question = Question, Answer = Answer, WorkingDays = workingDays, Amount = amount, Reference = Reference, Channel = Channel,
            NewAppointment = appointment,
            Items = Items?.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
        };
    }

    /// <summary>A datetime-local input sends "2026-03-02T16:30"; a date alone means the end of that working day (17:00), Vietnam time.</summary>
    private static DateTimeOffset? ParseAppointment(string text)
    {
        var t = text.Trim();
        if (DateTime.TryParseExact(t, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return new DateTimeOffset(local, VietnamTime.Offset);
        if (DateOnly.TryParseExact(t, ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return new DateTimeOffset(day.ToDateTime(new TimeOnly(17, 0)), VietnamTime.Offset);
        return null;
    }

    /// <summary>Reloads the dossier as it is now (nothing of the failed attempt stays in the unit of work) and shows the page.</summary>
    private async Task<IActionResult> ShowAgainAsync(Guid id, string act, int status, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, ct)) return NotFound();
        Failed = act;
        Response.StatusCode = status;
        return Page();
    }
}
