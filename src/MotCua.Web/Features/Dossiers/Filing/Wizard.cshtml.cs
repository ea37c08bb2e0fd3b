using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Domain.Catalog;
using MotCua.Domain.Catalog.Search;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Dossiers.Forms;
using MotCua.Web.Features.Organization;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Dossiers.Filing;

/// <summary>
/// Online filing, one question page at a time: the receiving unit, the form's topics, one page per required document,
/// "check your answers", submit. Every page posts to the server, which checks it, saves the draft and redirects to the
/// next page (post/redirect/get), so the wizard works without JavaScript and a draft resumes where it was left.
/// </summary>
[Authorize(Policy = CitizenIdentity.Policy)]
public sealed partial class WizardModel(MotCuaDbContext db, DraftStore drafts, DossierService dossiers, UnitDirectory units) : PageModel
{
    public ProcedureDefinition Procedure { get; private set; } = null!;
    public DossierForm Form { get; private set; } = null!;
    public WizardSteps Steps { get; private set; } = null!;
    public DossierDraft? Draft { get; private set; }
    public int Step { get; private set; }
    public JsonObject Answers { get; private set; } = [];
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    /// <summary>Errors of the unit, document and check pages: the field's id and the message (already localised).</summary>
    public IReadOnlyList<(string FieldId, string Message)> PageErrors { get; private set; } = [];

    public IReadOnlyList<UnitSnapshot> Units { get; private set; } = [];
    public string? UnitName { get; private set; }
    /// <summary>On a fresh start: the citizen's drafts of this procedure, offered to resume instead of a second one.</summary>
    public IReadOnlyList<DossierDraft> OtherDrafts { get; private set; } = [];
    [BindProperty(SupportsGet = true, Name = "q")] public string? Query { get; set; }

    public WizardPage Current => Steps.PageOf(Step);
    public string BaseUrl => $"/procedures/{Uri.EscapeDataString(Procedure.NationalCode)}/file" + (Draft is null ? "" : $"/{Draft.Id}");
    public string StepUrl(int step) => $"{BaseUrl}?step={step}";
    public FormStepView StepView => new(Form, Step - 1, Answers, Errors);
    public string Owner => CitizenIdentity.IdNumberOf(User)!;

    public async Task<IActionResult> OnGetAsync(string code, Guid? draftId, int? step, CancellationToken ct)
    {
        if (!await LoadAsync(code, draftId, ct)) return NotFound();
        Step = Steps.Clamp(step ?? Draft?.Step ?? 0);
        if (Draft is null && Step > 0) return Redirect(StepUrl(0));
        return await ShowAsync(ct);
    }

    /// <summary>The receiving unit: starts the draft on the first pick, changes it afterwards.</summary>
    public async Task<IActionResult> OnPostUnitAsync(string code, Guid? draftId, string? unit, CancellationToken ct)
    {
        if (!await LoadAsync(code, draftId, ct)) return NotFound();
        var allowed = await AllowedUnitsAsync(ct);
        if (!Guid.TryParse(unit, out var unitId) || !allowed.Any(u => u.Id == unitId))
        {
            PageErrors = [("unit", Text("filing.unit.required"))];
            return await ShowAsync(ct);
        }
        if (Draft is null)
        {
            Draft = await drafts.StartAsync(Owner, Procedure.NationalCode, unitId, ct);
        }
        else
        {
            Draft.ReceivingUnitId = unitId;
            Draft.Step = Math.Max(Draft.Step, 1);
            await drafts.SaveAsync(Draft, ct);
        }
        return Redirect(StepUrl(1));
    }

    /// <summary>
    /// One topic of the form. The answers are saved whatever they are (kept as typed), so nothing is lost; "back" leaves
    /// without judging the page (never trap someone), "continue" goes on only when the page is right.
    /// </summary>
    public async Task<IActionResult> OnPostStepAsync(string code, Guid draftId, int step, string? nav, CancellationToken ct)
    {
        if (!await LoadAsync(code, draftId, ct) || Draft is null) return NotFound();
        Step = Steps.Clamp(step);
        if (Current != WizardPage.Form) return Redirect(StepUrl(Step));
        Answers = FormAnswers.ReadStep(Form, Step - 1, Request.Form, Answers);
        Draft.Answers = Answers.ToJsonString();
        if (nav == "back") return await MoveAsync(Step - 1, ct);
        Errors = FormValidation.ValidateStep(Form, Step - 1, Answers);
        if (Errors.Count > 0)
        {
            await drafts.SaveAsync(Draft, ct);
            return await ShowAsync(ct);
        }
        return await MoveAsync(Step + 1, ct);
    }

    /// <summary>
    /// Files the dossier. The draft's idempotency key travels in the form too: a second click, after the first has
    /// filed and removed the draft, finds the dossier by the key and shows it instead of filing again.
    /// </summary>
    public async Task<IActionResult> OnPostSubmitAsync(string code, Guid draftId, string? key, CancellationToken ct)
    {
        if (!await LoadAsync(code, draftId, ct)) return NotFound();
        if (Draft is null)
        {
            return key is { Length: > 0 and <= 100 } && await dossiers.FiledWithKeyAsync(key, Owner, ct) is { } filed
                ? Redirect($"/my/dossiers/{filed.Id}/filed")
                : NotFound();
        }
        Step = Steps.Check;
        if (Draft.ReceivingUnitId is null) return Redirect(StepUrl(0));
        Errors = FormValidation.ValidateAll(Form, Answers);
        if (Errors.Count > 0)
        {
            // GOV.UK: send the applicant to the first topic that is wrong, with its errors.
            Step = Form.StepOf(Errors[0].Field) + 1;
            return await ShowAsync(ct);
        }
        if (Steps.Missing(Draft).FirstOrDefault() is { } missing)
        {
            Step = Steps.StepOfDocument(missing.Key);
            PageErrors = [("file", Text("filing.document.required", missing.Name))];
            return await ShowAsync(ct);
        }
        try
        {
            await AdoptDeliveryAsync(ct);
            // The fee is fixed in the filing transaction (Features/Payments, docs/payments.md).
            using var fee = HttpContext.RequestServices.GetRequiredService<Payments.FeeService>().RecordOnFiling(Procedure, Request.Form["feeExemptionClaim"]);
            var dossier = await dossiers.FileDraftAsync(Draft, CitizenApplicant.Of(User), CitizenIdentity.ActorOf(User), ct);
            return Redirect($"/my/dossiers/{dossier.Id}/filed");
        }
        catch (DossierFormProblem problem)
        {
            Errors = problem.Errors;
            PageErrors = [.. problem.ApplicantFields.Select(f => ("submit", Text("dossiers.applicant.invalid." + f)))];
            return await ShowAsync(ct);
        }
        catch (DossierProblem problem)
        {
            PageErrors = [("submit", Text("filing.error." + problem.Code))];
            return await ShowAsync(ct);
        }
    }

    private async Task<IActionResult> MoveAsync(int step, CancellationToken ct)
    {
        Draft!.Step = Steps.Clamp(step);
        await drafts.SaveAsync(Draft, ct);
        return Redirect(StepUrl(Draft.Step));
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (Current == WizardPage.Unit) Units = Filter(await AllowedUnitsAsync(ct), Query);
        if (Draft is null) OtherDrafts = [.. (await drafts.ListAsync(Owner, ct)).Where(d => d.ProcedureCode == Procedure.NationalCode)];
        if (Draft?.ReceivingUnitId is { } unit) UnitName = (await units.TodayAsync(ct)).Find(unit)?.Name;
        if (PageErrors.Count > 0 || Errors.Count > 0) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return base.Page();
    }

    /// <summary>The published procedure (online, with a form) and the citizen's draft of it, if one is asked for.</summary>
    private async Task<bool> LoadAsync(string code, Guid? draftId, CancellationToken ct)
    {
        var json = await CatalogApi.PublishedJsonAsync(db, code, ct);
        if (json is null) return false;
        Procedure = JsonSerializer.Deserialize<ProcedureDefinition>(json, CatalogJson.Options)!;
        if (Procedure.Form is not { Steps.Count: > 0 } form || !Procedure.ReceiveChannels.Contains(Channel.Online)) return false;
        Form = DossierForm.Parse(form);
        Steps = new WizardSteps(Form, Procedure.Documents);
        if (draftId is { } id)
        {
            Draft = await drafts.FindAsync(id, Owner, ct);
            if (Draft is not null && Draft.ProcedureCode != Procedure.NationalCode) return false;
            Answers = Draft is null ? [] : JsonNode.Parse(Draft.Answers) as JsonObject ?? [];
        }
        // A draft id that is not the citizen's: only the submit handler may still find the dossier it became.
        return draftId is null || Draft is not null || Request.Query["handler"] == "submit";
    }

    private async Task<IReadOnlyList<UnitSnapshot>> AllowedUnitsAsync(CancellationToken ct) =>
        [.. (await units.TodayAsync(ct)).All.Where(u => Procedure.UnitKinds.Contains(u.Kind.ToKey())).OrderBy(u => u.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi"), false))];

    /// <summary>Narrows the list by name without accents or case ("hoan kiem" finds "Phường Hoàn Kiếm"); the select works without it.</summary>
    private static IReadOnlyList<UnitSnapshot> Filter(IReadOnlyList<UnitSnapshot> all, string? query)
    {
        var folded = VietnameseText.Fold(query).Trim();
        return folded.Length == 0 ? all : [.. all.Where(u => VietnameseText.Fold(u.Name).Contains(folded, StringComparison.Ordinal))];
    }

    private string Text(string key, params object[] args) =>
        HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<MotCuaOptions>>()[key, args].Value;
}
