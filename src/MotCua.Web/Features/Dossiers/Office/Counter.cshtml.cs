using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using MotCua.Domain.Catalog;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Features.Dossiers.Forms;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Dossiers.Office;

/// <summary>
/// The counter officer records a walk-in (channel 1) or postal (channel 3) dossier: choose the procedure, then the
/// applicant, the procedure's whole form on one page, and the scanned papers. The hidden idempotency key makes a
/// double submit record one dossier. The post is in Counter.Post.cs.
/// </summary>
public sealed partial class CounterModel(CatalogSearch catalog, DossierService service, MotCuaDbContext db) : OfficePageModel
{
    [BindProperty(SupportsGet = true)] public string? Procedure { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public IReadOnlyList<ProcedureSummary> Found { get; private set; } = [];
    public ProcedureDefinition? Definition { get; private set; }
    public DossierForm? Form { get; private set; }
    public JsonObject Answers { get; private set; } = [];
    public IReadOnlyList<FieldError> FieldErrors { get; private set; } = [];
    public IReadOnlyList<UnitSnapshot> Counters { get; private set; } = [];

    /// <summary>Every field of every step; a step's errors are shown beside its fields.</summary>
    public IEnumerable<FormStepView> Steps => Form is null ? [] : Form.Steps.Select(s => new FormStepView(Form, s.Index, Answers, FieldErrors));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadCountersAsync(ct)) return StatusCode(StatusCodes.Status403Forbidden);
        IdempotencyKey = Guid.NewGuid().ToString("N");
        Channel = 1;
        if (!string.IsNullOrWhiteSpace(Procedure))
        {
            if (!await LoadProcedureAsync(ct)) return NotFound();
            return Page();
        }
        {
            // Only procedures the officer's counters receive.
            var kinds = Counters.Select(c => UnitKinds.ToKey(c.Kind)).ToHashSet(StringComparer.Ordinal);
            var page = await catalog.FindAsync(new CatalogQuery(Q, null, null, null, null, null), 0, 500, ct);
            Found = [.. page.Items.Select(i => i.Procedure).Where(p => p.UnitKinds.Any(kinds.Contains)).Take(50)];
        }
        return Page();
    }

    /// <summary>Only counter officers record dossiers; the units are their counters.</summary>
    private async Task<bool> LoadCountersAsync(CancellationToken ct)
    {
        var tree = await Scope.TodayTreeAsync(ct);
        Counters = [.. (await CountersAsync(ct)).Select(tree.Find).OfType<UnitSnapshot>()];
        return Counters.Count > 0;
    }

    private async Task<bool> LoadProcedureAsync(CancellationToken ct)
    {
        var code = Procedure?.Trim() ?? "";
        var json = code.Length is > 0 and <= 64 ? await CatalogApi.PublishedJsonAsync(db, code, ct) : null;
        if (json is null) return false;
        Definition = JsonSerializer.Deserialize<ProcedureDefinition>(json, CatalogJson.Options)!;
        Form = Definition.Form is { Steps.Count: > 0 } form ? DossierForm.Parse(form) : null;
        return true;
    }
}
