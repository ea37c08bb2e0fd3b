using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Web.Features.Admin;
using MotCua.Web.Features.Calendar.Data;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Calendar.Admin;

/// <summary>A year of a unit's (or the city's) calendar: the holidays it computes to, and the overrides set at this level.</summary>
public sealed class CalendarYearModel(MotCuaDbContext db, UnitCalendars calendars, ILogger<CalendarYearModel> log) : CalendarPageModel
{
    public const string DayOff = "dayoff";
    public const string WorkingDay = "working";
    private const int MaxName = 200;

    protected override IReadOnlyList<string> FieldOrder => [nameof(Unit), nameof(Year), nameof(Date), nameof(Kind), nameof(Name)];

    [BindProperty(SupportsGet = true)] public string? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }
    [BindProperty] public string? Date { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Name { get; set; }

    public int TheYear { get; private set; }
    public IReadOnlyList<CalendarDay> Days { get; private set; } = [];
    public IReadOnlyList<CalendarOverrideEntry> Overrides { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ResolveAsync(ct) ?? await ShowAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (await ResolveAsync(ct) is { } refuse) return refuse;
        if (!CanManage) return Forbidden();
        var day = default(DateOnly);
        if (string.IsNullOrWhiteSpace(Date)) AddError(nameof(Date), "admin.calendar.error.date.missing");
        else if (!AdminText.TryParseDate(Date, out day)) AddError(nameof(Date), "admin.error.date");
        if (Kind is not (DayOff or WorkingDay)) AddError(nameof(Kind), "admin.calendar.error.kind");
        if (string.IsNullOrWhiteSpace(Name)) AddError(nameof(Name), "admin.calendar.error.name");
        else if (Name.Trim().Length > MaxName) AddError(nameof(Name), "admin.error.toolong", MaxName);
        if (!Errors.Has(nameof(Date)) && await db.CalendarOverrides.AnyAsync(o => o.UnitId == LevelId && o.Date == day, ct))
        {
            AddError(nameof(Date), "admin.calendar.error.exists", AdminText.Date(day));
        }
        if (Errors.Any) return await ShowAsync(ct);

        db.CalendarOverrides.Add(new CalendarOverrideEntry { Id = Guid.NewGuid(), UnitId = LevelId, Date = day, IsWorkingDay = Kind == WorkingDay, Name = Name!.Trim() });
        RecordChange("calendar.day-added", CalendarObject, LevelUnits, Name.Trim(), $"{day:yyyy-MM-dd} {Kind}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone added the same day a moment ago; the unique index keeps one row per unit and day.
            db.ChangeTracker.Clear();
            AddError(nameof(Date), "admin.calendar.error.exists", AdminText.Date(day));
            return await ShowAsync(ct);
        }
        UnitCalendars.Invalidate();
        log.LogInformation("Calendar override {Date} ({Kind}) for unit {UnitId} added by {Actor}", day, Kind, LevelId, Actor);
        return Redirect("/admin/calendar" + Query(day.Year, "added"));
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        if (await ResolveAsync(ct) is { } refuse) return refuse;
        if (!CanManage) return Forbidden();
        // Only this level's rows: an id from another unit's calendar is not found here.
        var entry = await db.CalendarOverrides.FirstOrDefaultAsync(o => o.Id == id && o.UnitId == LevelId, ct);
        if (entry is null) return NotFound();
        db.CalendarOverrides.Remove(entry);
        RecordChange("calendar.day-removed", CalendarObject, LevelUnits, entry.Name, $"{entry.Date:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        UnitCalendars.Invalidate();
        log.LogInformation("Calendar override {Date} for unit {UnitId} removed by {Actor}", entry.Date, LevelId, Actor);
        return Redirect("/admin/calendar" + Query(entry.Date.Year, "deleted"));
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        TheYear = Scope.Today.Year;
        if (!string.IsNullOrWhiteSpace(Year))
        {
            if (int.TryParse(Year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2199) TheYear = y;
            else AddError(nameof(Year), "admin.calendar.error.year");
        }
        var calendar = await calendars.ForUnitAsync(LevelId, ct);
        Days = calendar.Holidays(TheYear);
        var first = new DateOnly(TheYear, 1, 1);
        var last = new DateOnly(TheYear, 12, 31);
        Overrides = await db.CalendarOverrides.AsNoTracking()
            .Where(o => o.UnitId == LevelId && o.Date >= first && o.Date <= last)
            .OrderBy(o => o.Date).ToListAsync(ct);
        return Page();
    }
}
