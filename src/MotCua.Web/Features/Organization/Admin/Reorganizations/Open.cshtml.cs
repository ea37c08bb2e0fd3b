using Microsoft.AspNetCore.Mvc;
using MotCua.Domain.Organization;

namespace MotCua.Web.Features.Organization.Admin.Reorganizations;

/// <summary>A unit that did not exist before opens under one the administrator manages.</summary>
public sealed class OpenModel(ReorganizationService service, UnitDirectory directory) : ReorganizationFormModel(service, directory)
{
    private const string NewKey = "new";

    [BindProperty(SupportsGet = true)] public string? Parent { get; set; }
    // Not "Code": a refused post is re-executed on the error page, whose "code" would bind from this form.
    [BindProperty] public string? NewCode { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? ShortName { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? AdministrativeCode { get; set; }

    protected override ReorganizationKind PlanKind => ReorganizationKind.Establish;
    protected override IReadOnlyList<string> OwnFields => [nameof(Parent), nameof(NewCode), nameof(Name), nameof(ShortName), nameof(Kind), nameof(AdministrativeCode)];
    protected override string GeneralField => nameof(NewCode);
    protected override string? FieldHoldingCode(string code) => nameof(NewCode);

    public async Task OnGetAsync(CancellationToken ct) => await StartAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await ReadCommonAsync(ct);
        Require(nameof(NewCode), NewCode, MaxCode, "admin.plan.coderequired");
        Require(nameof(Name), Name, MaxName, "admin.plan.namerequired");
        Limit(nameof(ShortName), ShortName, MaxShortName);
        if (!UnitKinds.TryParseKey(Kind, out var kind)) AddError(nameof(Kind), "admin.reorg.error.kind");
        var gso = string.IsNullOrWhiteSpace(AdministrativeCode) ? null : AdministrativeCode.Trim();
        if (gso is not null && (gso.Length > 16 || !gso.All(char.IsAsciiDigit))) AddError(nameof(AdministrativeCode), "admin.reorg.open.gso.error");
        var parent = await ManagedUnitAsync(nameof(Parent), Parent, ct);
        if (parent is null || Errors.Any) return Page();

        var name = Name!.Trim();
        Change(new OpenUnit(NewKey, NewCode!.Trim(), gso, name, ShortNameOf(ShortName, name),
            kind, UnitRef.To(parent.Id)), member => member switch { "name" => nameof(Name), "parent" => nameof(Parent), _ => nameof(NewCode) });
        return await ApplyAsync(ct);
    }
}
