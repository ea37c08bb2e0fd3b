using MotCua.Domain.Catalog;

namespace MotCua.Domain.Calendar;

/// <summary>
/// One unit's effective calendar: the national holiday rules, then the override sets from the city down
/// to the unit (a nearer set wins on the same date), and the unit's working hours. Computes legal
/// deadlines in working time. Every time it returns is in Vietnam time (+07:00); inputs may carry any
/// offset. Thread-safe; per-year results are cached, so keep one instance per unit and settings.
/// </summary>
public sealed class WorkingCalendar : IWorkingTime
{
    /// <summary>Vietnam has used UTC+7 all year, without daylight saving, since 1975.</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    /// <summary>No searching further than this for a working day: a calendar with none is misconfigured.</summary>
    private const int MaxDaysWithoutWork = 3660;

    private readonly HolidayRules _rules;
    private readonly Dictionary<DateOnly, CalendarOverride> _overrides = [];
    private readonly DayPlans _plans;
    private readonly Period[] _fullDay;
    private readonly Period[] _morningOnly;
    private readonly long _workingDayTicks;

    /// <param name="overrideSetsCityToUnit">City-wide overrides first, then each level down to the unit
    /// itself; on the same date the later (nearer) set wins.</param>
    public WorkingCalendar(HolidayRules rules, WorkingHours hours, params IReadOnlyList<IReadOnlyList<CalendarOverride>> overrideSetsCityToUnit)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(overrideSetsCityToUnit);
        hours.Validate();

        _rules = rules;
        Hours = hours;
        foreach (var set in overrideSetsCityToUnit)
        {
            foreach (var entry in set)
            {
                _overrides[entry.Date] = entry;
            }
        }

        _plans = new DayPlans(rules, _overrides, hours.SaturdayMorningCounts);
        var morning = new Period(hours.MorningStart.ToTimeSpan(), hours.MorningEnd.ToTimeSpan());
        _morningOnly = [morning];
        _fullDay = [morning, new Period(hours.AfternoonStart.ToTimeSpan(), hours.AfternoonEnd.ToTimeSpan())];
        _workingDayTicks = hours.WorkingDayLength.Ticks;
    }

    /// <summary>National rules and default hours, no overrides.</summary>
    public static WorkingCalendar Default { get; } = new(HolidayRules.Default, WorkingHours.Default);

    public WorkingHours Hours { get; }

    /// <summary>
    /// The special days of a solar year in date order: holidays and compensatory days by the national
    /// rules, replaced or joined by overrides (including working-day overrides, with IsDayOff false).
    /// </summary>
    public IReadOnlyList<CalendarDay> Holidays(int year)
    {
        var national = _rules.ForYear(year).Where(day => !_overrides.ContainsKey(day.Date));
        var overridden = _overrides.Values
            .Where(entry => entry.Date.Year == year)
            .Select(entry => new CalendarDay(entry.Date, entry.Name, CalendarDayKind.Override, entry.Kind == OverrideKind.DayOff));
        return [.. national.Concat(overridden).OrderBy(day => day.Date)];
    }

    /// <summary>True when the date has any working time (a counted Saturday morning is enough).</summary>
    public bool IsWorkingDay(DateOnly date) => _plans[date] != DayPlan.Off;

    /// <summary>
    /// When the legal clock starts for a dossier received at <paramref name="receivedAt"/>, and when
    /// <paramref name="amount"/> working days (each <see cref="WorkingHours.WorkingDayLength"/>) or working
    /// hours later it is due. A due time that lands on the end of a period stays there (17:00, not 08:00).
    /// </summary>
    public DeadlineResult DueDate(DateTimeOffset receivedAt, decimal amount, TimeUnit unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        var minutesPerUnit = unit switch
        {
            TimeUnit.WorkingDays => (decimal)Hours.WorkingDayLength.TotalMinutes,
            TimeUnit.WorkingHours => 60m,
            _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
        };

        var countsFrom = CountsFrom(receivedAt);
        var due = Advance(Local.Of(countsFrom), MinutesToTicks(amount * minutesPerUnit));
        return new DeadlineResult(receivedAt.ToOffset(VietnamOffset), countsFrom, due.ToOffset());
    }

    /// <summary>
    /// The reception rule: before the cut-off and inside a working period, the moment itself; in a
    /// break or before opening, the start of the next period that day; after the cut-off, after hours
    /// or on a day off, the start of the next working day.
    /// </summary>
    public DateTimeOffset CountsFrom(DateTimeOffset receivedAt)
    {
        var at = Local.Of(receivedAt);
        var pastCutOff = Hours.CutOff is { } cutOff && at.Time > cutOff.ToTimeSpan();
        if (!pastCutOff)
        {
            foreach (var period in PeriodsOf(_plans[at.Day]))
            {
                if (at.Time < period.End)
                {
                    return new Local(at.Day, at.Time > period.Start ? at.Time : period.Start).ToOffset();
                }
            }
        }

        var day = NextWorkingDay(at.Day);
        return new Local(day, PeriodsOf(_plans[day])[0].Start).ToOffset();
    }

    /// <summary>
    /// The moment after <paramref name="minutes"/> of working time from <paramref name="from"/>, with no
    /// cut-off rule: for moving a due date by a paused interval (supplement requests).
    /// </summary>
    public DateTimeOffset AddWorkingMinutes(DateTimeOffset from, decimal minutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);
        return Advance(Local.Of(from), MinutesToTicks(minutes)).ToOffset();
    }

    /// <summary>
    /// Working time between two moments, in minutes (fractional when the moments carry seconds); negative
    /// when <paramref name="to"/> is before <paramref name="from"/>. The cut-off does not apply.
    /// </summary>
    public decimal WorkingMinutesBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            return -WorkingMinutesBetween(to, from);
        }

        Local start = Local.Of(from), end = Local.Of(to);
        long ticks = 0;
        for (var day = start.Day; day <= end.Day; day = day.AddDays(1))
        {
            var low = day == start.Day ? start.Time : TimeSpan.Zero;
            var high = day == end.Day ? end.Time : TimeSpan.FromDays(1);
            foreach (var period in PeriodsOf(_plans[day]))
            {
                var overlap = Min(period.End, high) - Max(period.Start, low);
                if (overlap > TimeSpan.Zero)
                {
                    ticks += overlap.Ticks;
                }
            }
        }

        return (decimal)ticks / TimeSpan.TicksPerMinute;
    }

    private Local Advance(Local from, long ticks)
    {
        if (ticks == 0)
        {
            return from;
        }

        var remaining = ticks;
        foreach (var period in PeriodsOf(_plans[from.Day]))
        {
            if (period.End <= from.Time)
            {
                continue;
            }

            var start = Max(period.Start, from.Time);
            var available = (period.End - start).Ticks;
            if (remaining <= available)
            {
                return new Local(from.Day, start + TimeSpan.FromTicks(remaining));
            }

            remaining -= available;
        }

        // Whole days are skipped by their length; only the last day is walked period by period.
        var day = from.Day;
        var daysOff = 0;
        while (true)
        {
            day = day.AddDays(1);
            var plan = _plans[day];
            var length = LengthOf(plan);
            if (length == 0)
            {
                if (++daysOff > MaxDaysWithoutWork)
                {
                    throw new InvalidOperationException($"No working day in the {MaxDaysWithoutWork} days after {day.AddDays(-daysOff)}.");
                }

                continue;
            }

            daysOff = 0;
            if (remaining > length)
            {
                remaining -= length;
                continue;
            }

            foreach (var period in PeriodsOf(plan))
            {
                var available = (period.End - period.Start).Ticks;
                if (remaining <= available)
                {
                    return new Local(day, period.Start + TimeSpan.FromTicks(remaining));
                }

                remaining -= available;
            }
        }
    }

    private DateOnly NextWorkingDay(DateOnly after)
    {
        var day = after;
        for (var i = 0; i < MaxDaysWithoutWork; i++)
        {
            day = day.AddDays(1);
            if (_plans[day] != DayPlan.Off)
            {
                return day;
            }
        }

        throw new InvalidOperationException($"No working day in the {MaxDaysWithoutWork} days after {after}.");
    }

    private Period[] PeriodsOf(DayPlan plan) => plan switch
    {
        DayPlan.Full => _fullDay,
        DayPlan.MorningOnly => _morningOnly,
        _ => [],
    };

    private long LengthOf(DayPlan plan) => plan switch
    {
        DayPlan.Full => _workingDayTicks,
        DayPlan.MorningOnly => (_morningOnly[0].End - _morningOnly[0].Start).Ticks,
        _ => 0,
    };

    private static long MinutesToTicks(decimal minutes) =>
        (long)decimal.Round(minutes * TimeSpan.TicksPerMinute, MidpointRounding.AwayFromZero);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private readonly record struct Period(TimeSpan Start, TimeSpan End);

    /// <summary>A wall-clock moment in Vietnam: the civil date and the time since its midnight.</summary>
    private readonly record struct Local(DateOnly Day, TimeSpan Time)
    {
        public static Local Of(DateTimeOffset moment)
        {
            var clock = moment.ToOffset(VietnamOffset).DateTime;
            return new Local(DateOnly.FromDateTime(clock), clock.TimeOfDay);
        }

        public DateTimeOffset ToOffset() => new(Day.ToDateTime(TimeOnly.MinValue) + Time, VietnamOffset);
    }
}
