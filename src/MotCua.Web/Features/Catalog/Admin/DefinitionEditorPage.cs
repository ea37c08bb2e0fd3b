using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Catalog;
using MotCua.Web.Features.Catalog.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Catalog.Admin;

/// <summary>
/// What the edit and new pages share: reading the posted form, "Validate" (the publishing rules, nothing
/// saved) and "Save draft" (saved only when there is no error at all).
/// </summary>
[Authorize(Policy = CatalogPolicy.Name)]
public abstract class DefinitionEditorPage(MotCuaDbContext db, CatalogService catalog, IStringLocalizer<MotCuaOptions> t) : PageModel
{
    [BindProperty] public DefinitionForm Input { get; set; } = DefinitionForm.Blank();

    public EditorErrors Errors { get; } = new();

    /// <summary>True after "Validate" found nothing: the definition can be published as it stands.</summary>
    public bool ValidatedClean { get; private set; }

    /// <summary>Fields already in the catalogue, offered as suggestions so that one field is not spelt two ways.</summary>
    public IReadOnlyList<string> KnownFields { get; private set; } = [];

    public abstract bool IsNew { get; }

    protected MotCuaDbContext Db => db;

    protected IStringLocalizer T => t;

    protected string Actor => User.Identity?.Name ?? "admin";

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        var fields = await db.ProcedureVersions.AsNoTracking()
            .Where(v => v.Status == VersionStatus.Published || v.Status == VersionStatus.Draft)
            .Select(v => v.Field).Distinct().ToListAsync(ct);
        KnownFields = [.. fields.Order(StringComparer.Create(new System.Globalization.CultureInfo("vi"), ignoreCase: true))];
    }

    /// <summary>Checks the form against the publishing rules and shows every problem; saves nothing.</summary>
    protected async Task<IActionResult> ValidateAsync(string nationalCode, CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        var definition = Read(nationalCode, out var readErrors);
        AddAll(readErrors, ProcedureValidator.Validate(definition, forPublishing: true));
        ValidatedClean = !Errors.Any;
        return Page();
    }

    /// <summary>Saves the draft, or shows every problem and saves nothing.</summary>
    protected async Task<IActionResult> SaveAsync(string nationalCode, CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        var definition = Read(nationalCode, out var readErrors);
        if (readErrors.Count > 0)
        {
            // The rest is still checked, so one round trip shows every problem, not just the JSON typo.
            AddAll(readErrors, ProcedureValidator.Validate(definition, forPublishing: false));
            return Page();
        }
        var extra = await CheckBeforeSaveAsync(definition, ct);
        if (extra.Count > 0)
        {
            AddAll(extra, ProcedureValidator.Validate(definition, forPublishing: false));
            return Page();
        }
        var result = await catalog.SaveDraftAsync(definition, Actor, ct);
        if (!result.Succeeded)
        {
            AddAll([], result.Errors);
            return Page();
        }
        return Redirect(AdminLinks.Details(definition.NationalCode, "saved"));
    }

    /// <summary>Checks only a page knows about (e.g. a new procedure's code already in use).</summary>
    protected virtual Task<IReadOnlyList<ValidationError>> CheckBeforeSaveAsync(ProcedureDefinition definition, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ValidationError>>([]);

    private ProcedureDefinition Read(string nationalCode, out List<ValidationError> readErrors)
    {
        readErrors = [];
        return Input.ToDefinition(nationalCode, t, readErrors);
    }

    /// <summary>
    /// A field that could not be read was left empty, so the validator's complaints about it ("must not be
    /// empty") would only hide the real problem: those are dropped.
    /// </summary>
    private void AddAll(IReadOnlyList<ValidationError> first, IReadOnlyList<ValidationError> rest)
    {
        foreach (var e in first) Errors.Add(e);
        var unreadable = first.Select(e => EditorErrors.FieldOf(e.Path)).ToHashSet(StringComparer.Ordinal);
        foreach (var e in rest.Where(e => !unreadable.Contains(EditorErrors.FieldOf(e.Path)))) Errors.Add(e);
    }
}
