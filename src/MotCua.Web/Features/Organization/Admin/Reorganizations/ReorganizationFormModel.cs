using Microsoft.AspNetCore.Mvc;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Admin;

namespace MotCua.Web.Features.Organization.Admin.Reorganizations;

/// <summary>
/// What every reorganisation form shares: the effective date, title and legal basis; finding units by code
/// on that date within the administrator's reach; and one call to <see cref="ReorganizationService"/>, whose
/// errors are shown beside the field that caused them. The service validates and applies all or nothing,
/// so a refused form has changed nothing.
/// </summary>
public abstract class ReorganizationFormModel(ReorganizationService service, UnitDirectory directory) : AdminPageModel
{
    private const int MaxText = 300;
    // The columns' sizes: PostgreSQL refuses longer text, SQLite would keep it; both must see the same rule.
    protected const int MaxCode = 32;
    protected const int MaxName = 200;
    protected const int MaxShortName = 120;
    private readonly List<(Func<string?, string> Field, string? Context)> _fieldOfChange = [];
    private readonly List<ReorganizationChange> _changes = [];

    [BindProperty] public string? EffectiveDate { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? LegalBasis { get; set; }

    public DateOnly Day { get; private set; }
    public UnitTree Tree { get; private set; } = new(default, []);
    /// <summary>Units open today that the administrator manages: the suggestions of the code fields.</summary>
    public IReadOnlyList<UnitSnapshot> Suggestions { get; private set; } = [];

    protected override bool RequiresAdministrator => true;

    protected abstract ReorganizationKind PlanKind { get; }

    /// <summary>The form's own fields top to bottom; the common ones follow them on every form.</summary>
    protected abstract IReadOnlyList<string> OwnFields { get; }

    protected override IReadOnlyList<string> FieldOrder => [.. OwnFields, nameof(EffectiveDate), nameof(Title), nameof(LegalBasis)];

    /// <summary>Where errors about the plan as a whole (duplicate codes, cycles) are shown.</summary>
    protected abstract string GeneralField { get; }

    /// <summary>The field holding a code named in a duplicate-code error, when the form can tell.</summary>
    protected virtual string? FieldHoldingCode(string code) => null;

    /// <summary>Fills the common fields for a new form: effective today.</summary>
    protected async Task StartAsync(CancellationToken ct)
    {
        Day = Scope.Today;
        EffectiveDate = AdminText.Iso(Day);
        Tree = await directory.OnAsync(Day, ct);
        await SuggestAsync(ct);
    }

    /// <summary>Reads the common fields of a posted form; the tree is the one of the effective date.</summary>
    protected async Task ReadCommonAsync(CancellationToken ct)
    {
        Day = Scope.Today;
        if (string.IsNullOrWhiteSpace(EffectiveDate)) AddError(nameof(EffectiveDate), "admin.reorg.error.date.missing");
        else if (AdminText.TryParseDate(EffectiveDate, out var day)) Day = day;
        else AddError(nameof(EffectiveDate), "admin.error.date");
        if (string.IsNullOrWhiteSpace(Title)) AddError(nameof(Title), "admin.plan.title");
        else if (Title.Trim().Length > MaxText) AddError(nameof(Title), "admin.error.toolong", MaxText);
        if (LegalBasis?.Trim().Length > MaxText) AddError(nameof(LegalBasis), "admin.error.toolong", MaxText);
        Tree = await directory.OnAsync(Day, ct);
        await SuggestAsync(ct);
    }

    /// <summary>
    /// The unit with this code on the effective date, if the administrator manages it then; otherwise an
    /// error on the field. Whether an unmanaged unit exists is not disclosed.
    /// </summary>
    protected async Task<UnitSnapshot?> ManagedUnitAsync(string field, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            AddError(field, "admin.reorg.error.code.missing");
            return null;
        }
        var unit = code.Trim().Length <= 32 ? Tree.FindByCode(code.Trim()) : null;
        if (unit is null || !await Scope.CanManageOnAsync(unit.Id, Day, ct))
        {
            AddError(field, "admin.reorg.error.code.unknown", code.Trim(), AdminText.Date(Day));
            return null;
        }
        return unit;
    }

    /// <summary>
    /// The unit a form is about (rename, move, retire, split), on the effective date. Null with a result to
    /// return when it is out of reach; null without one when it exists today but not on that date.
    /// </summary>
    protected async Task<(UnitSnapshot? Unit, IActionResult? Refuse)> SubjectAsync(Guid? id, CancellationToken ct)
    {
        if (id is not { } unitId) return (null, NotFound());
        if (Tree.Find(unitId) is { } onDay && await Scope.CanManageOnAsync(unitId, Day, ct)) return (onDay, null);
        if (!await Scope.CanManageAsync(unitId, ct))
        {
            // Seeing a unit is not managing it: a supervisor is told no, anyone else learns nothing.
            return (null, await Scope.CanSeeAsync(unitId, ct) ? Forbidden() : NotFound());
        }
        AddError(nameof(EffectiveDate), "admin.reorg.error.subject.date", AdminText.Date(Day));
        return (null, null);
    }

    /// <summary>
    /// Adds a change; <paramref name="fieldOf"/> says which field shows an error about it (by member: code,
    /// name, parent…), and <paramref name="context"/>, if any, starts the message (e.g. "Line 2").
    /// </summary>
    protected void Change(ReorganizationChange change, Func<string?, string> fieldOf, string? context = null)
    {
        _changes.Add(change);
        _fieldOfChange.Add((fieldOf, context));
    }

    /// <summary>Children of closed units go with them to <paramref name="to"/>: the plan refuses to leave them without a parent.</summary>
    protected void MoveChildren(IEnumerable<Guid> closing, UnitRef to, string field)
    {
        var closed = closing.ToHashSet();
        foreach (var child in closed.SelectMany(Tree.ChildrenOf).Where(c => !closed.Contains(c.Id)).DistinctBy(c => c.Id))
        {
            Change(new AmendUnit(child.Id, Parent: to), _ => field);
        }
    }

    /// <summary>A required text field within its column's size.</summary>
    protected void Require(string field, string? value, int max, string missingKey)
    {
        if (string.IsNullOrWhiteSpace(value)) AddError(field, missingKey);
        else Limit(field, value, max);
    }

    protected void Limit(string field, string? value, int max)
    {
        if (value?.Trim().Length > max) AddError(field, "admin.error.toolong", max);
    }

    /// <summary>The short name when none is given: the name without its "Phường "/"Xã " prefix, within the column.</summary>
    protected static string ShortNameOf(string? shortName, string name)
    {
        var s = string.IsNullOrWhiteSpace(shortName) ? Seeding.HanoiReforms.ShortName(name.Trim()) : shortName.Trim();
        return s.Length > MaxShortName ? s[..MaxShortName] : s;
    }

    protected async Task<IActionResult> ApplyAsync(CancellationToken ct)
    {
        if (Errors.Any) return Page();
        var request = new ReorganizationRequest(PlanKind, Day, Title!.Trim(), string.IsNullOrWhiteSpace(LegalBasis) ? null : LegalBasis.Trim(), _changes);
        // Staged before the service's transaction, which saves it with the reorganisation; taken back if the plan is refused.
        var staged = RecordChange("unit.reorganized", new("reorganization", null, request.Title), Audit.ReorganizationRecords.Units(_changes), request.LegalBasis, $"{PlanKind} {Day:yyyy-MM-dd}");
        var outcome = await service.ApplyAsync(request, Actor, ct);
        if (outcome.Succeeded) return Redirect($"/admin/reorganizations/{outcome.ReorganizationId}?applied=1");
        DiscardChange(staged);
        foreach (var error in outcome.Errors)
        {
            var (field, context) = FieldOf(error);
            var message = PlanErrorText.Localize(error, L);
            Errors.Add(field, context is null ? message : $"{context}: {message}");
        }
        return Page();
    }

    private (string Field, string? Context) FieldOf(PlanError error)
    {
        var (index, member) = PlanErrorText.Parse(error.Path);
        if (index is { } i && i >= 0 && i < _fieldOfChange.Count) return (_fieldOfChange[i].Field(member), _fieldOfChange[i].Context);
        if (member == "title") return (nameof(Title), null);
        return (PlanErrorText.DuplicatedCode(error) is { } code && FieldHoldingCode(code) is { } field ? field : GeneralField, null);
    }

    private async Task SuggestAsync(CancellationToken ct)
    {
        var today = await Scope.TodayTreeAsync(ct);
        var managed = await Scope.ManagedTodayAsync(ct);
        Suggestions = [.. today.All.Where(u => managed.Contains(u.Id)).OrderBy(u => u.Code, StringComparer.Ordinal)];
    }
}
