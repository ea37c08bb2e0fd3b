using Microsoft.AspNetCore.Mvc;
using MotCua.Domain.Organization;

namespace MotCua.Web.Features.Organization.Admin.Reorganizations;

/// <summary>A new name, short name or code from a date; the unit keeps its identity and its history.</summary>
public sealed class RenameModel(ReorganizationService service, UnitDirectory directory) : ReorganizationFormModel(service, directory)
{
    [BindProperty(SupportsGet = true)] public Guid? Unit { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? ShortName { get; set; }
    // Not "Code": a refused post is re-executed on the error page, whose "code" would bind from this form.
    [BindProperty] public string? NewCode { get; set; }
    public UnitSnapshot? Subject { get; private set; }

    protected override ReorganizationKind PlanKind => ReorganizationKind.Rename;
    protected override IReadOnlyList<string> OwnFields => [nameof(Name), nameof(ShortName), nameof(NewCode)];
    protected override string GeneralField => nameof(Name);
    protected override string? FieldHoldingCode(string code) => nameof(NewCode);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await StartAsync(ct);
        var (unit, refuse) = await SubjectAsync(Unit, ct);
        if (unit is null) return refuse ?? NotFound();
        Subject = unit;
        (Name, ShortName, NewCode) = (unit.Name, unit.ShortName, unit.Code);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await ReadCommonAsync(ct);
        var (unit, refuse) = await SubjectAsync(Unit, ct);
        if (refuse is not null) return refuse;
        Subject = unit;
        if (unit is null) return Page();
        Require(nameof(Name), Name, MaxName, "admin.plan.namerequired");
        Limit(nameof(ShortName), ShortName, MaxShortName);
        Require(nameof(NewCode), NewCode, MaxCode, "admin.plan.coderequired");
        if (Errors.Any) return Page();

        string? Changed(string? value, string was) => value!.Trim() == was ? null : value.Trim();
        var name = Changed(Name, unit.Name);
        var shortName = string.IsNullOrWhiteSpace(ShortName) ? null : Changed(ShortName, unit.ShortName);
        var code = Changed(NewCode, unit.Code);
        Change(new AmendUnit(unit.Id, Name: name, ShortName: shortName, Code: code), member => member switch
        {
            "code" => nameof(NewCode),
            "shortName" => nameof(ShortName),
            _ => nameof(Name),
        });
        return await ApplyAsync(ct);
    }
}
