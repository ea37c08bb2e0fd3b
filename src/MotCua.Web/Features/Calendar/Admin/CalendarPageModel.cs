using Microsoft.AspNetCore.Mvc;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Admin;
using MotCua.Web.Features.Audit;

namespace MotCua.Web.Features.Calendar.Admin;

/// <summary>
/// Which calendar a page is about, from the "unit" code in the address: a unit's own, or the city's when the
/// code is the root's or none is given. Anyone with a back-office role may read a calendar within reach; only
/// an administrator of the unit (of the root, for the city) may change it.
/// </summary>
public abstract class CalendarPageModel : AdminPageModel
{
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }

    /// <summary>The unit chosen, or the root for the city's calendar.</summary>
    public UnitSnapshot? Target { get; private set; }

    /// <summary>The unit the overrides are stored against; null for the whole city.</summary>
    public Guid? LevelId { get; private set; }

    public bool CityWide => LevelId is null;
    public bool CanManage { get; private set; }
    public IReadOnlyList<UnitSnapshot> Suggestions { get; private set; } = [];

    /// <summary>Null when the calendar may be shown; otherwise the refusal to return.</summary>
    protected async Task<IActionResult?> ResolveAsync(CancellationToken ct)
    {
        var tree = await Scope.TodayTreeAsync(ct);
        var visible = await Scope.VisibleTodayAsync(ct);
        Suggestions = [.. tree.All.Where(u => visible.Contains(u.Id)).OrderBy(u => u.Code, StringComparer.Ordinal)];
        var code = Unit?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            Target = tree.Roots.FirstOrDefault();
        }
        else
        {
            Target = code.Length <= 32 ? tree.FindByCode(code) : null;
            if (Target is null || !visible.Contains(Target.Id)) return NotFound();
        }
        LevelId = Target is null || Target.ParentId is null ? null : Target.Id;
        CanManage = LevelId is { } id ? await Scope.CanManageAsync(id, ct) : await Scope.IsCityAdministratorAsync(ct);
        return null;
    }

    /// <summary>What a change's audit entry is about: this unit's calendar, or the city's (the root's).</summary>
    protected AuditObject CalendarObject => new("calendar", Target?.Id.ToString(), Target?.Code);

    protected IReadOnlyList<Guid> LevelUnits => Target is null ? [] : [Target.Id];

    protected string Query(int? year = null, string? done = null)
    {
        var parts = new List<string>();
        if (!CityWide && Target is not null) parts.Add("unit=" + Uri.EscapeDataString(Target.Code));
        if (year is { } y) parts.Add("year=" + y.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (done is not null) parts.Add("done=" + done);
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
