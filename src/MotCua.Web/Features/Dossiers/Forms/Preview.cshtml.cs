using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Domain.Catalog;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Dossiers.Forms;

/// <summary>
/// A public, read-only preview of a procedure's online form, so a citizen can see what will be asked
/// before filing. It walks the real steps with the real validation but saves nothing: the answers so
/// far travel in a hidden field of the page itself (anti-forgery checked like any post).
/// </summary>
[AllowAnonymous]
public sealed class PreviewModel(MotCuaDbContext db) : PageModel
{
    public ProcedureDefinition Procedure { get; private set; } = null!;

    public DossierForm Form { get; private set; } = null!;

    /// <summary>1-based step shown; one past the last step is "check your answers".</summary>
    public int Step { get; private set; } = 1;

    public bool Checking => Step > Form.Steps.Count;

    public JsonObject Answers { get; private set; } = [];

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, int step, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct)) return NotFound();
        if (step > Form.Steps.Count) return NotFound();
        Step = Math.Max(step, 1);
        return Page();
    }

    /// <summary>
    /// nav=back goes back without judging this step (GOV.UK: never trap someone on a page); nav=change
    /// opens a step from "check your answers"; otherwise the step is validated and, when right, the next
    /// one (or the check page) is shown.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(string code, int step, string? answers, string? nav, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct)) return NotFound();
        Step = Math.Clamp(step, 1, Form.Steps.Count + 1);
        Answers = ReadCarried(answers);
        if (nav == "change") return Page();

        if (!Checking) Answers = FormAnswers.ReadStep(Form, Step - 1, Request.Form, Answers);
        if (nav == "back")
        {
            Step = Math.Max(Step - 1, 1);
            return Page();
        }

        Errors = Checking ? FormValidation.ValidateAll(Form, Answers) : FormValidation.ValidateStep(Form, Step - 1, Answers);
        if (Errors.Count > 0)
        {
            // From the check page, send the applicant to the first step that is wrong.
            if (Checking) Step = Form.StepOf(Errors[0].Field) + 1;
            return Page();
        }
        if (!Checking) Step++;
        return Page();
    }

    public FormStepView StepView => new(Form, Step - 1, Answers, Errors);

    public string AnswersJson => Answers.ToJsonString();

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        var json = await CatalogApi.PublishedJsonAsync(db, code, ct);
        if (json is null) return false;
        Procedure = JsonSerializer.Deserialize<ProcedureDefinition>(json, CatalogJson.Options)!;
        if (Procedure.Form is not { Steps.Count: > 0 } form) return false;
        Form = DossierForm.Parse(form);
        return true;
    }

    // The carried answers come from the client: anything that is not a JSON object is dropped, and
    // every step is validated again before the check page, so a tampered value changes nothing.
    private static JsonObject ReadCarried(string? json)
    {
        if (string.IsNullOrEmpty(json)) return [];
        try { return JsonNode.Parse(json) as JsonObject ?? []; }
        catch (JsonException) { return []; }
    }
}
