using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Dossiers.Forms;
using MotCua.Web.Features.Identity;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Dossiers.Office;

/// <summary>
/// One dossier for staff: everything recorded about it (summary, applicant, answers, files, tasks, every event,
/// the processing-control slip, supplements, apologies, payments, results) and the action forms this person may
/// use now. Another unit's dossier is a 404. The posts are in Dossier.Post.cs.
/// </summary>
public sealed partial class DossierPageModel(
    DossierActions actions, DossierService service, DossierStaff staff, MotCuaDbContext db, TimeProvider clock) : OfficePageModel
{
    public Dossier D { get; private set; } = null!;
    public ProcedureDefinition? Definition { get; private set; }
    public ProcessingContext? Context { get; private set; }
    public UnitTree Tree { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }
    public OfficeActionSet Actions { get; private set; } = new();
    public AnswersSummaryView? Answers { get; private set; }

    /// <summary>The action just done (after the redirect), for the confirmation.</summary>
    [BindProperty(SupportsGet = true, Name = "done")] public string? Done { get; set; }

    /// <summary>The action whose post failed: its form shows what was typed and its errors.</summary>
    public string? Failed { get; private set; }

    /// <summary>A conflict or a refusal by the rules, shown above everything.</summary>
    public string? Problem { get; private set; }

    /// <summary>Past due, or its steps predict it will be: the handler is prompted for the apology slip (form 04).</summary>
    public bool WillBeLate => D.IsOverdue(Now) || (Context is not null && D.WillBeLate(Context, Now));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (Done is not null && Done != "received" && !DossierActions.Exists(Done)) Done = null;
        if (!await LoadAsync(id, ct)) return NotFound();
        await AuditLog.WriteAsync(Audit.DossierRecords.Read("dossier.view", D, Audit.DossierRecords.View), ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await actions.VisibleAsync(id, ct) is not { } dossier) return false;
        D = dossier;
        Now = clock.GetUtcNow();
        Tree = await Scope.TodayTreeAsync(ct);
        Definition = await service.VersionAsync(D.ProcedureVersionId, ct);
        try
        {
            Context = await service.ContextAsync(D, ct);
        }
        catch (InvalidOperationException)
        {
            // A step's unit cannot be resolved today (e.g. a department not configured): the page still shows the record.
            Context = null;
        }
        var staffId = UnitScope.StaffIdOf(User)?.ToString() ?? "";
        Actions = OfficeActionSet.For(D, Context, await Scope.RolesAsync(ct), staffId);
        if (Actions.Can("assign") && D.MainTask is { } main) Actions.AssignCandidates = await staff.CandidatesAsync(main.UnitId, main.Role, ct);
        if (Definition.Form is { } form && JsonNode.Parse(D.Answers) is JsonObject answers)
        {
            Answers = new AnswersSummaryView(DossierForm.Parse(form), answers) { ReadOnly = true };
        }
        return true;
    }

    public string StepName(string? key) =>
        key is null ? "" : Definition?.Workflow?.Steps.FirstOrDefault(s => s.Key == key)?.Name ?? key;

    public string UnitName(Guid? id) => id is { } u ? Tree.Find(u)?.Name ?? L["office.unit.closed"].Value : "";

    /// <summary>Where a file of the dossier is downloaded from (only by staff who see the dossier).</summary>
    public string FileUrl(Guid fileId) => $"/staff/dossiers/{D.Id}/files/{fileId}";

    public static string SlipUrl(Guid id, string number) => $"/staff/dossiers/{id}/slips/{number}";
}
