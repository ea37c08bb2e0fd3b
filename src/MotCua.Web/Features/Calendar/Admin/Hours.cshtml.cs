using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Web.Features.Admin;
using MotCua.Web.Features.Calendar.Data;
using MotCua.Web.Features.Organization;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Calendar.Admin;

/// <summary>
/// A unit's office hours and afternoon cut-off. A unit without its own inherits the nearest ancestor's, so
/// the page says where the hours in force come from. Hours that do not make a day are refused before they
/// are saved: every deadline of the unit and the units below would fail on them.
/// </summary>
public sealed class HoursModel(MotCuaDbContext db, UnitDirectory directory, ILogger<HoursModel> log) : CalendarPageModel
{
    protected override IReadOnlyList<string> FieldOrder => [nameof(MorningStart), nameof(MorningEnd), nameof(AfternoonStart), nameof(AfternoonEnd), nameof(CutOff)];

    [BindProperty] public string? MorningStart { get; set; }
    [BindProperty] public string? MorningEnd { get; set; }
    [BindProperty] public string? AfternoonStart { get; set; }
    [BindProperty] public string? AfternoonEnd { get; set; }
    [BindProperty] public string? CutOff { get; set; }
    [BindProperty] public bool SaturdayMorningCounts { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public bool HasOwn { get; private set; }
    /// <summary>Where inherited hours come from; null when they are the product's defaults.</summary>
    public string? InheritedFrom { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await ResolveAsync(ct) is { } refuse) return refuse;
        if (Target is null) return NotFound();
        var hours = await InForceAsync(ct);
        (MorningStart, MorningEnd, AfternoonStart, AfternoonEnd) =
            (AdminText.Time(hours.MorningStart), AdminText.Time(hours.MorningEnd), AdminText.Time(hours.AfternoonStart), AdminText.Time(hours.AfternoonEnd));
        CutOff = hours.CutOff is { } c ? AdminText.Time(c) : null;
        SaturdayMorningCounts = hours.SaturdayMorningCounts;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await ResolveAsync(ct) is { } refuse) return refuse;
        if (Target is null) return NotFound();
        if (!CanManage) return Forbidden();
        await InForceAsync(ct);
        var ms = Read(nameof(MorningStart), MorningStart);
        var me = Read(nameof(MorningEnd), MorningEnd);
        var @as = Read(nameof(AfternoonStart), AfternoonStart);
        var ae = Read(nameof(AfternoonEnd), AfternoonEnd);
        TimeOnly? cut = string.IsNullOrWhiteSpace(CutOff) ? null : Read(nameof(CutOff), CutOff);
        if (Errors.Any) return Page();

        // The domain's rule, field by field, so each message sits beside the time that breaks it.
        if (me <= ms) AddError(nameof(MorningEnd), "admin.hours.error.morning");
        if (@as < me) AddError(nameof(AfternoonStart), "admin.hours.error.lunch");
        if (ae <= @as) AddError(nameof(AfternoonEnd), "admin.hours.error.afternoon");
        if (cut is { } c && (c < ms || c > ae)) AddError(nameof(CutOff), "admin.hours.error.cutoff");
        var hours = new WorkingHours { MorningStart = ms, MorningEnd = me, AfternoonStart = @as, AfternoonEnd = ae, CutOff = cut, SaturdayMorningCounts = SaturdayMorningCounts };
        try
        {
            hours.Validate();
        }
        catch (ArgumentException)
        {
            AddError(nameof(MorningStart), "admin.hours.error.order");
        }
        if (Errors.Any) return Page();

        var row = await db.UnitWorkingHours.FirstOrDefaultAsync(h => h.UnitId == Target.Id, ct);
        if (row is null) db.UnitWorkingHours.Add(row = new UnitWorkingHours { UnitId = Target.Id });
        (row.MorningStart, row.MorningEnd, row.AfternoonStart, row.AfternoonEnd, row.CutOff, row.SaturdayMorningCounts) = (ms, me, @as, ae, cut, SaturdayMorningCounts);
        RecordChange("calendar.hours-set", CalendarObject, LevelUnits, detail: $"{AdminText.Time(ms)}-{AdminText.Time(me)} {AdminText.Time(@as)}-{AdminText.Time(ae)}");
        await db.SaveChangesAsync(ct);
        UnitCalendars.Invalidate();
        log.LogInformation("Working hours of unit {UnitId} set by {Actor}", Target.Id, Actor);
        return Redirect("/admin/calendar/hours" + UnitQuery("saved"));
    }

    /// <summary>Drops the unit's own hours, so it follows its parent again.</summary>
    public async Task<IActionResult> OnPostInheritAsync(CancellationToken ct)
    {
        if (await ResolveAsync(ct) is { } refuse) return refuse;
        if (Target is null) return NotFound();
        if (!CanManage) return Forbidden();
        var row = await db.UnitWorkingHours.FirstOrDefaultAsync(h => h.UnitId == Target.Id, ct);
        if (row is not null)
        {
            db.UnitWorkingHours.Remove(row);
            RecordChange("calendar.hours-inherited", CalendarObject, LevelUnits);
            await db.SaveChangesAsync(ct);
            UnitCalendars.Invalidate();
            log.LogInformation("Working hours of unit {UnitId} reset to inherited by {Actor}", Target.Id, Actor);
        }
        return Redirect("/admin/calendar/hours" + UnitQuery("inherited"));
    }

    private string UnitQuery(string done) => $"?unit={Uri.EscapeDataString(Target!.Code)}&done={done}";

    private TimeOnly Read(string field, string? text)
    {
        if (AdminText.TryParseTime(text, out var time)) return time;
        AddError(field, string.IsNullOrWhiteSpace(text) ? "admin.hours.error.missing" : "admin.hours.error.time");
        return default;
    }

    /// <summary>The hours in force for the unit: its own, else the nearest ancestor's, else the defaults.</summary>
    private async Task<WorkingHours> InForceAsync(CancellationToken ct)
    {
        var tree = await directory.TodayAsync(ct);
        var chain = tree.AncestorsOf(Target!.Id).Prepend(Target).ToList();
        var ids = chain.Select(u => u.Id).ToList();
        var rows = await db.UnitWorkingHours.AsNoTracking().Where(h => ids.Contains(h.UnitId)).ToListAsync(ct);
        HasOwn = rows.Any(r => r.UnitId == Target.Id);
        var nearest = chain.Select(u => (Unit: u, Row: rows.FirstOrDefault(r => r.UnitId == u.Id))).FirstOrDefault(x => x.Row is not null);
        if (nearest.Row is not { } h) return WorkingHours.Default;
        if (nearest.Unit.Id != Target.Id) InheritedFrom = nearest.Unit.Name;
        return new WorkingHours
        {
            MorningStart = h.MorningStart, MorningEnd = h.MorningEnd, AfternoonStart = h.AfternoonStart, AfternoonEnd = h.AfternoonEnd,
            CutOff = h.CutOff, SaturdayMorningCounts = h.SaturdayMorningCounts,
        };
    }
}
