using Microsoft.AspNetCore.Mvc;
using MotCua.Domain.Organization;

namespace MotCua.Web.Features.Organization.Admin.Reorganizations;

/// <summary>
/// One unit divides into several new ones, each taking part of it. The first line is the primary successor:
/// open work and the units below go there, since work cannot be split by a form.
/// </summary>
public sealed class SplitModel(ReorganizationService service, UnitDirectory directory) : ReorganizationFormModel(service, directory)
{
    [BindProperty(SupportsGet = true)] public Guid? Unit { get; set; }
    [BindProperty] public string? Lines { get; set; }
    public UnitSnapshot? Subject { get; private set; }

    protected override ReorganizationKind PlanKind => ReorganizationKind.Split;
    protected override IReadOnlyList<string> OwnFields => [nameof(Lines)];
    protected override string GeneralField => nameof(Lines);
    protected override string? FieldHoldingCode(string code) => nameof(Lines);

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
        var parts = SplitLines.Parse(Lines, out var lineErrors);
        foreach (var (line, key, args) in lineErrors)
        {
            Errors.Add(nameof(Lines), $"{L["admin.reorg.split.line", line]}: {L[key, args]}");
        }
        if (lineErrors.Count == 0 && parts.Count < 2) AddError(nameof(Lines), "admin.reorg.split.count");
        if (unit is null || Errors.Any) return Page();

        var parent = unit.ParentId is { } p ? UnitRef.To(p) : (UnitRef?)null;
        foreach (var part in parts)
        {
            Change(new OpenUnit(Key(part.Line), part.Code, null, part.Name, ShortNameOf(null, part.Name), part.Kind, parent),
                _ => nameof(Lines), L["admin.reorg.split.line", part.Line]);
        }
        Change(new CloseUnit(unit.Id, [.. parts.Select(x => new Successor(UnitRef.ToNew(Key(x.Line)), Partial: true))]), _ => nameof(Lines));
        MoveChildren([unit.Id], UnitRef.ToNew(Key(parts[0].Line)), nameof(Lines));
        return await ApplyAsync(ct);
    }

    private static string Key(int line) => "part-" + line.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
