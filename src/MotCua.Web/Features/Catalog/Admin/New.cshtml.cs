using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Catalog;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Catalog.Admin;

/// <summary>Creates a procedure: its first version is saved as a draft and published from the detail page.</summary>
public sealed class NewModel(MotCuaDbContext db, CatalogService catalog, IStringLocalizer<MotCuaOptions> t)
    : DefinitionEditorPage(db, catalog, t)
{
    public override bool IsNew => true;

    public async Task OnGetAsync(CancellationToken ct) => await LoadChoicesAsync(ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SaveAsync(Input.NationalCode ?? "", ct);

    public Task<IActionResult> OnPostValidateAsync(CancellationToken ct) => ValidateAsync(Input.NationalCode ?? "", ct);

    /// <summary>Saving a draft under an existing code would quietly add a version to that procedure instead.</summary>
    protected override async Task<IReadOnlyList<ValidationError>> CheckBeforeSaveAsync(ProcedureDefinition definition, CancellationToken ct)
    {
        var exists = await Db.Procedures.AnyAsync(p => p.NationalCode == definition.NationalCode, ct);
        return exists ? [new ValidationError("$.nationalCode", T["catalogadmin.error.codeexists", definition.NationalCode])] : [];
    }
}
