using Microsoft.AspNetCore.Mvc;
using MotCua.Domain.Organization;

namespace MotCua.Web.Features.Organization.Admin.Reorganizations;

/// <summary>
/// Closes a unit, with or without a successor. With one, open work and the units below it pass to the
/// successor; without one, the unit must have no units below it (the plan says which).
/// </summary>
public sealed class RetireModel(ReorganizationService service, UnitDirectory directory) : ReorganizationFormModel(service, directory)
{
    [BindProperty(SupportsGet = true)] public Guid? Unit { get; set; }
    [BindProperty] public string? Successor { get; set; }
    public UnitSnapshot? Subject { get; private set; }

    protected override ReorganizationKind PlanKind => ReorganizationKind.Retire;
    protected override IReadOnlyList<string> OwnFields => [nameof(Successor)];
    protected override string GeneralField => nameof(Successor);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await StartAsync(ct);
        var (unit, refuse) = await SubjectAsync(Unit, ct);
        if (unit is null) return refuse ?? NotFound();
        Subject = unit;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await ReadCommonAsync(ct);
        var (unit, refuse) = await SubjectAsync(Unit, ct);
        if (refuse is not null) return refuse;
        Subject = unit;
        if (unit is null) return Page();
        UnitSnapshot? successor = null;
        if (!string.IsNullOrWhiteSpace(Successor))
        {
            successor = await ManagedUnitAsync(nameof(Successor), Successor, ct);
            if (successor?.Id == unit.Id) AddError(nameof(Successor), "admin.plan.successor");
        }
        if (Errors.Any) return Page();

        Change(new CloseUnit(unit.Id, successor is null ? [] : [new Successor(UnitRef.To(successor.Id))]), _ => nameof(Successor));
        if (successor is not null) MoveChildren([unit.Id], UnitRef.To(successor.Id), nameof(Successor));
        return await ApplyAsync(ct);
    }
}
