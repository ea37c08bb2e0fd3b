using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Catalog;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Catalog.Admin;

/// <summary>
/// Edits a procedure's open draft. With no draft the form starts from the published version (or the last one
/// after retirement) and the first save creates the draft, so looking at the editor never leaves an empty
/// draft behind.
/// </summary>
public sealed class EditModel(MotCuaDbContext db, CatalogService catalog, IStringLocalizer<MotCuaOptions> t)
    : DefinitionEditorPage(db, catalog, t)
{
    public override bool IsNew => false;

    public string Code { get; private set; } = "";

    public ProcedureVersions History { get; private set; } = null!;

    /// <summary>
    /// The draft as it was when the editor opened (a hash of it, or "none"). Saving over a draft that someone
    /// else saved in the meantime is refused once, with this administrator's text kept; saving again overwrites.
    /// </summary>
    [BindProperty] public string? Stamp { get; set; }

    /// <param name="check">Set by the detail page's list of what blocks publication, so the editor opens
    /// with those problems already next to their fields.</param>
    public async Task<IActionResult> OnGetAsync(string code, bool check, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct)) return NotFound();
        if (await ProcedureVersions.DefinitionAsync(Db, History.EditBase?.Id, ct) is { } definition)
        {
            Input = DefinitionForm.From(definition);
        }
        Stamp = await CurrentStampAsync(ct);
        if (check) return await ValidateAsync(Code, ct);
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct)) return NotFound();
        // The code comes from the address, never from the form: an edit cannot move a draft to another procedure.
        return await SaveAsync(History.Procedure.NationalCode, ct);
    }

    public async Task<IActionResult> OnPostValidateAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct)) return NotFound();
        return await ValidateAsync(History.Procedure.NationalCode, ct);
    }

    protected override async Task<IReadOnlyList<ValidationError>> CheckBeforeSaveAsync(ProcedureDefinition definition, CancellationToken ct)
    {
        var current = await CurrentStampAsync(ct);
        if (current == Stamp) return [];
        Stamp = current;
        return [new ValidationError("$", T["catalogadmin.error.stale"])];
    }

    private async Task<string> CurrentStampAsync(CancellationToken ct)
    {
        if (History.Draft is not { } draft) return "none";
        var json = await Db.ProcedureVersions.AsNoTracking().Where(v => v.Id == draft.Id).Select(v => v.DefinitionJson).FirstAsync(ct);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)), 0, 16);
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        var history = await ProcedureVersions.FindAsync(Db, code, ct);
        if (history is null) return false;
        History = history;
        Code = history.Procedure.NationalCode;
        Input.NationalCode = Code;
        return true;
    }
}
