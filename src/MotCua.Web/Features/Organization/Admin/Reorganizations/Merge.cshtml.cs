using Microsoft.AspNetCore.Mvc;
using MotCua.Domain.Organization;

namespace MotCua.Web.Features.Organization.Admin.Reorganizations;

/// <summary>
/// Several units become one: an existing unit takes them over, or a new unit opens for them. The merged
/// units close with it as their successor; their open work and the units below them move to it.
/// </summary>
public sealed class MergeModel(ReorganizationService service, UnitDirectory directory) : ReorganizationFormModel(service, directory)
{
    public const string IntoExisting = "existing";
    public const string IntoNew = "new";
    private const string NewKey = "merged";

    [BindProperty(SupportsGet = true)] public string? Units { get; set; }
    [BindProperty] public string? Target { get; set; }
    [BindProperty] public string? TargetCode { get; set; }
    [BindProperty] public string? NewCode { get; set; }
    [BindProperty] public string? NewName { get; set; }
    [BindProperty] public string? NewShortName { get; set; }
    [BindProperty] public string? NewKind { get; set; }
    [BindProperty] public string? NewParent { get; set; }

    protected override ReorganizationKind PlanKind => ReorganizationKind.Merge;
    protected override IReadOnlyList<string> OwnFields => [nameof(Units), nameof(Target), nameof(TargetCode), nameof(NewCode), nameof(NewName), nameof(NewShortName), nameof(NewKind), nameof(NewParent)];
    protected override string GeneralField => nameof(Units);
    protected override string? FieldHoldingCode(string code) =>
        Target == IntoNew && string.Equals(code, NewCode?.Trim(), StringComparison.OrdinalIgnoreCase) ? nameof(NewCode) : nameof(Units);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await StartAsync(ct);
        Target = IntoExisting;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await ReadCommonAsync(ct);
        var codes = CodeList.Parse(Units);
        var merged = new List<UnitSnapshot>();
        foreach (var code in codes)
        {
            if (await ManagedUnitAsync(nameof(Units), code, ct) is { } unit && merged.All(m => m.Id != unit.Id)) merged.Add(unit);
        }

        UnitRef? target = null;
        string targetField;
        if (Target == IntoNew)
        {
            targetField = nameof(NewCode);
            if (codes.Count < 2) AddError(nameof(Units), "admin.reorg.merge.count.new");
            Require(nameof(NewCode), NewCode, MaxCode, "admin.plan.coderequired");
            Require(nameof(NewName), NewName, MaxName, "admin.plan.namerequired");
            Limit(nameof(NewShortName), NewShortName, MaxShortName);
            if (!UnitKinds.TryParseKey(NewKind, out var kind)) AddError(nameof(NewKind), "admin.reorg.error.kind");
            var parent = await ManagedUnitAsync(nameof(NewParent), NewParent, ct);
            if (!Errors.Any && parent is not null)
            {
                Change(new OpenUnit(NewKey, NewCode!.Trim(), null, NewName!.Trim(),
                        ShortNameOf(NewShortName, NewName), kind, UnitRef.To(parent.Id)),
                    member => member switch { "name" => nameof(NewName), "parent" => nameof(NewParent), _ => nameof(NewCode) });
                target = UnitRef.ToNew(NewKey);
            }
        }
        else if (Target == IntoExisting)
        {
            targetField = nameof(TargetCode);
            if (codes.Count == 0) AddError(nameof(Units), "admin.reorg.merge.count.existing");
            var into = await ManagedUnitAsync(nameof(TargetCode), TargetCode, ct);
            if (into is not null && merged.Any(m => m.Id == into.Id)) AddError(nameof(TargetCode), "admin.reorg.merge.targetinlist");
            if (into is not null) target = UnitRef.To(into.Id);
        }
        else
        {
            targetField = nameof(Target);
            AddError(nameof(Target), "admin.reorg.merge.target.missing");
        }
        if (Errors.Any || target is not { } to) return Page();

        foreach (var unit in merged)
        {
            Change(new CloseUnit(unit.Id, [new Successor(to)]), member => member == "successors" ? targetField : nameof(Units), unit.Code);
        }
        MoveChildren(merged.Select(m => m.Id), to, nameof(Units));
        return await ApplyAsync(ct);
    }
}

/// <summary>Unit codes typed one per line (or separated by commas), as a list without blanks or repeats.</summary>
public static class CodeList
{
    public static IReadOnlyList<string> Parse(string? text) =>
        [.. (text ?? "").Split(['\n', '\r', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)];
}
