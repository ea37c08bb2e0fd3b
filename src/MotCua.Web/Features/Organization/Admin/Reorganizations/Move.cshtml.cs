using Microsoft.AspNetCore.Mvc;
using MotCua.Domain.Organization;

namespace MotCua.Web.Features.Organization.Admin.Reorganizations;

/// <summary>Places a unit under another parent from a date; its own children move with it.</summary>
public sealed class MoveModel(ReorganizationService service, UnitDirectory directory) : ReorganizationFormModel(service, directory)
{
    [BindProperty(SupportsGet = true)] public Guid? Unit { get; set; }
    [BindProperty] public string? Parent { get; set; }
    public UnitSnapshot? Subject { get; private set; }
    public string? CurrentParent { get; private set; }

    protected override ReorganizationKind PlanKind => ReorganizationKind.Move;
    protected override IReadOnlyList<string> OwnFields => [nameof(Parent)];
    protected override string GeneralField => nameof(Parent);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await StartAsync(ct);
        var (unit, refuse) = await SubjectAsync(Unit, ct);
        if (unit is null) return refuse ?? NotFound();
        Show(unit);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await ReadCommonAsync(ct);
        var (unit, refuse) = await SubjectAsync(Unit, ct);
        if (refuse is not null) return refuse;
        if (unit is null) return Page();
        Show(unit);
        var parent = await ManagedUnitAsync(nameof(Parent), Parent, ct);
        if (parent is not null && parent.Id == unit.ParentId) AddError(nameof(Parent), "admin.reorg.move.same");
        if (parent is null || Errors.Any) return Page();
        Change(new AmendUnit(unit.Id, Parent: UnitRef.To(parent.Id)), _ => nameof(Parent));
        return await ApplyAsync(ct);
    }

    private void Show(UnitSnapshot unit)
    {
        Subject = unit;
        CurrentParent = unit.ParentId is { } p ? Tree.Find(p)?.Name : null;
    }
}
