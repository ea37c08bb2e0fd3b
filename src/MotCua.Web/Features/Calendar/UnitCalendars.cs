using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using MotCua.Domain.Calendar;
using MotCua.Web.Features.Calendar.Data;
using MotCua.Web.Features.Organization;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Calendar;

/// <summary>
/// The working calendar of a unit: national rules, then the city's overrides, then each ancestor's and the
/// unit's own (nearer wins), with the working hours of the nearest unit that set them. Calendars are cached
/// for a short time because every deadline asks for one; an administrator's change here clears the cache.
/// </summary>
public sealed class UnitCalendars(IServiceScopeFactory scopes, UnitDirectory units, IMemoryCache cache)
{
    private static int _generation;

    public static void Invalidate() => Interlocked.Increment(ref _generation);

    /// <summary>The calendar for a unit (null: the city-wide calendar).</summary>
    public async Task<WorkingCalendar> ForUnitAsync(Guid? unitId, CancellationToken ct = default)
    {
        var key = ("calendar", unitId, Volatile.Read(ref _generation));
        if (cache.TryGetValue(key, out WorkingCalendar? found) && found is not null) return found;

        var tree = await units.TodayAsync(ct);
        // No unit means the city's own calendar: the root unit's, with its working hours and overrides.
        unitId ??= tree.Roots.Count == 1 ? tree.Roots[0].Id : null;
        // City-wide first, then from the root down to the unit, so the nearest level's override wins.
        var chain = unitId is { } id ? tree.AncestorsOf(id).Reverse().Select(u => u.Id).Append(id).ToList() : [];
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDbContext>();
        var overrides = await db.CalendarOverrides.AsNoTracking()
            .Where(o => o.UnitId == null || chain.Contains(o.UnitId.Value))
            .ToListAsync(ct);
        var hoursRows = await db.UnitWorkingHours.AsNoTracking().Where(h => chain.Contains(h.UnitId)).ToListAsync(ct);

        var sets = new List<IReadOnlyList<CalendarOverride>> { ToDomain(overrides.Where(o => o.UnitId == null)) };
        sets.AddRange(chain.Select(u => ToDomain(overrides.Where(o => o.UnitId == u))));
        var nearestHours = chain.AsEnumerable().Reverse().Select(u => hoursRows.FirstOrDefault(h => h.UnitId == u)).FirstOrDefault(h => h is not null);
        var calendar = new WorkingCalendar(HolidayRules.Default, nearestHours is null ? WorkingHours.Default : ToDomain(nearestHours), sets);
        cache.Set(key, calendar, UnitDirectory.CacheFor);
        return calendar;
    }

    private static List<CalendarOverride> ToDomain(IEnumerable<CalendarOverrideEntry> rows) =>
        [.. rows.Select(o => new CalendarOverride(o.Date, o.IsWorkingDay ? OverrideKind.WorkingDay : OverrideKind.DayOff, o.Name))];

    private static WorkingHours ToDomain(UnitWorkingHours h) => new()
    {
        MorningStart = h.MorningStart, MorningEnd = h.MorningEnd, AfternoonStart = h.AfternoonStart, AfternoonEnd = h.AfternoonEnd,
        CutOff = h.CutOff, SaturdayMorningCounts = h.SaturdayMorningCounts,
    };
}
