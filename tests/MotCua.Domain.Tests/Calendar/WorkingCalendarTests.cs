using MotCua.Domain.Calendar;
using MotCua.Domain.Catalog;

namespace MotCua.Domain.Tests.Calendar;

public class WorkingCalendarTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, Vietnam);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void A_working_Saturday_override_is_a_full_working_day()
    {
        CalendarOverride[] city = [new(D(2026, 3, 14), OverrideKind.WorkingDay, "Làm bù cho ngày 16/3")];
        var calendar = new WorkingCalendar(HolidayRules.Default, WorkingHours.Default, city);

        Assert.True(calendar.IsWorkingDay(D(2026, 3, 14)));
        Assert.Equal(At(2026, 3, 14, 10), calendar.DueDate(At(2026, 3, 13, 10), 1, TimeUnit.WorkingDays).DueAt);
        Assert.Equal(At(2026, 3, 14, 16), calendar.DueDate(At(2026, 3, 14, 14), 2, TimeUnit.WorkingHours).DueAt);
    }

    [Fact]
    public void A_day_off_override_removes_a_working_day()
    {
        CalendarOverride[] city = [new(D(2026, 3, 10), OverrideKind.DayOff, "Nghỉ theo quyết định của UBND thành phố")];
        var calendar = new WorkingCalendar(HolidayRules.Default, WorkingHours.Default, city);

        Assert.False(calendar.IsWorkingDay(D(2026, 3, 10)));
        Assert.Equal(At(2026, 3, 11, 9), calendar.DueDate(At(2026, 3, 9, 9), 1, TimeUnit.WorkingDays).DueAt);
    }

    [Fact]
    public void The_nearer_override_wins_on_the_same_date()
    {
        var date = D(2026, 3, 16);
        CalendarOverride[] city = [new(date, OverrideKind.DayOff, "Thành phố nghỉ")];
        CalendarOverride[] ward = [new(date, OverrideKind.WorkingDay, "Phường vẫn làm việc")];

        var wardCalendar = new WorkingCalendar(HolidayRules.Default, WorkingHours.Default, city, ward);
        var cityCalendar = new WorkingCalendar(HolidayRules.Default, WorkingHours.Default, city);

        Assert.True(wardCalendar.IsWorkingDay(date));
        Assert.False(cityCalendar.IsWorkingDay(date));
        Assert.Equal([new CalendarDay(date, "Phường vẫn làm việc", CalendarDayKind.Override, IsDayOff: false)], wardCalendar.Holidays(2026).Where(d => d.Date == date));
    }

    [Fact]
    public void An_override_can_cancel_or_extend_a_national_holiday()
    {
        // The government's 2026 Tết break: 14–22 February, with the five legal days inside it.
        CalendarOverride[] city = [new(D(2026, 2, 23), OverrideKind.DayOff, "Nghỉ Tết theo thông báo")];
        CalendarOverride[] unit = [new(D(2026, 2, 20), OverrideKind.WorkingDay, "Trực Tết")];
        var calendar = new WorkingCalendar(HolidayRules.Default, WorkingHours.Default, city, unit);

        Assert.True(calendar.IsWorkingDay(D(2026, 2, 20)));
        Assert.False(calendar.IsWorkingDay(D(2026, 2, 23)));

        var holidays = calendar.Holidays(2026);
        Assert.Equal(holidays.OrderBy(d => d.Date), holidays);
        Assert.Contains(holidays, d => d is { Kind: CalendarDayKind.Override, IsDayOff: false } && d.Date == D(2026, 2, 20));
        Assert.Contains(holidays, d => d is { Kind: CalendarDayKind.Override, IsDayOff: true } && d.Date == D(2026, 2, 23));
        Assert.DoesNotContain(holidays, d => d.Kind == CalendarDayKind.Holiday && d.Date == D(2026, 2, 20));
        Assert.Contains(holidays, d => d.Kind == CalendarDayKind.Holiday && d.Date == D(2026, 2, 19));
    }

    [Fact]
    public void Overrides_in_one_flat_list_are_read_in_order()
    {
        IReadOnlyList<IReadOnlyList<CalendarOverride>> sets =
        [
            [new(D(2026, 3, 16), OverrideKind.DayOff, "Thành phố nghỉ")],
            [],
            [new(D(2026, 3, 16), OverrideKind.WorkingDay, "Phường vẫn làm việc")],
        ];

        Assert.True(new WorkingCalendar(HolidayRules.Default, WorkingHours.Default, sets).IsWorkingDay(D(2026, 3, 16)));
    }

    [Fact]
    public void Saturday_morning_counts_only_when_the_unit_says_so()
    {
        var saturdays = new WorkingCalendar(HolidayRules.Default, WorkingHours.Default with { SaturdayMorningCounts = true });
        var friday = At(2026, 3, 13, 14);

        Assert.False(WorkingCalendar.Default.IsWorkingDay(D(2026, 3, 14)));
        Assert.True(saturdays.IsWorkingDay(D(2026, 3, 14)));
        // Friday 14–17 (3 h) + Saturday 8–12 (4 h) + Monday 8–9 (1 h).
        Assert.Equal(At(2026, 3, 16, 9), saturdays.DueDate(friday, 1, TimeUnit.WorkingDays).DueAt);
        Assert.Equal(At(2026, 3, 14, 10), saturdays.DueDate(At(2026, 3, 14, 10), 1, TimeUnit.WorkingDays).CountsFrom);
        Assert.Equal(At(2026, 3, 16, 8), saturdays.DueDate(At(2026, 3, 14, 13), 1, TimeUnit.WorkingDays).CountsFrom);
        // A holiday on Saturday stays off.
        Assert.False(saturdays.IsWorkingDay(D(2022, 4, 30)));
    }

    [Fact]
    public void Working_minutes_between_two_moments_count_only_office_hours()
    {
        var calendar = WorkingCalendar.Default;

        Assert.Equal(480m, calendar.WorkingMinutesBetween(At(2026, 3, 9, 9), At(2026, 3, 10, 9)));
        Assert.Equal(60m, calendar.WorkingMinutesBetween(At(2026, 3, 9, 11, 30), At(2026, 3, 9, 13, 30)));
        Assert.Equal(0m, calendar.WorkingMinutesBetween(At(2026, 3, 14, 8), At(2026, 3, 15, 18)));
        // Friday 16–17 and Monday 8–9.
        Assert.Equal(120m, calendar.WorkingMinutesBetween(At(2026, 3, 13, 16), At(2026, 3, 16, 9)));
        Assert.Equal(-480m, calendar.WorkingMinutesBetween(At(2026, 3, 10, 9), At(2026, 3, 9, 9)));
        Assert.Equal(0.5m, calendar.WorkingMinutesBetween(At(2026, 3, 9, 9), At(2026, 3, 9, 9).AddSeconds(30)));
        // Tết week 2026 holds no working time.
        Assert.Equal(0m, calendar.WorkingMinutesBetween(At(2026, 2, 16, 0), At(2026, 2, 21, 0)));
    }

    [Fact]
    public void Adding_working_minutes_moves_a_due_date_by_a_paused_interval()
    {
        var calendar = WorkingCalendar.Default;
        var due = At(2026, 3, 9, 16);
        var paused = calendar.WorkingMinutesBetween(At(2026, 3, 9, 10), At(2026, 3, 9, 11, 30));

        // 90 minutes: Monday 16–17, then Tuesday 08:00–08:30.
        Assert.Equal(At(2026, 3, 10, 8, 30), calendar.AddWorkingMinutes(due, paused));
        // From outside working time the clock starts at the next period; zero leaves the moment alone.
        Assert.Equal(At(2026, 3, 16, 8, 30), calendar.AddWorkingMinutes(At(2026, 3, 14, 10), 30));
        Assert.Equal(At(2026, 3, 9, 17), calendar.AddWorkingMinutes(At(2026, 3, 9, 17), 0));
    }

    [Fact]
    public void Working_hours_are_configurable()
    {
        var hours = new WorkingHours
        {
            MorningStart = new TimeOnly(7, 30),
            MorningEnd = new TimeOnly(11, 30),
            AfternoonStart = new TimeOnly(13, 30),
            AfternoonEnd = new TimeOnly(17, 0),
            CutOff = new TimeOnly(16, 0),
        };
        var calendar = new WorkingCalendar(HolidayRules.Default, hours);

        Assert.Equal(TimeSpan.FromHours(7.5), hours.WorkingDayLength);
        Assert.Equal(At(2026, 3, 9, 15, 30), calendar.DueDate(At(2026, 3, 9, 15, 30), 1, TimeUnit.WorkingDays).CountsFrom);
        Assert.Equal(At(2026, 3, 10, 15, 30), calendar.DueDate(At(2026, 3, 9, 15, 30), 1, TimeUnit.WorkingDays).DueAt);
        Assert.Equal(At(2026, 3, 10, 7, 30), calendar.DueDate(At(2026, 3, 9, 16, 1), 1, TimeUnit.WorkingDays).CountsFrom);
    }

    [Fact]
    public void Disordered_working_hours_are_refused()
    {
        var lunchAfterAfternoon = WorkingHours.Default with { AfternoonStart = new TimeOnly(11, 0) };
        var cutOffAtNight = WorkingHours.Default with { CutOff = new TimeOnly(20, 0) };

        Assert.Throws<ArgumentException>(() => new WorkingCalendar(HolidayRules.Default, lunchAfterAfternoon));
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(HolidayRules.Default, cutOffAtNight));
    }

    [Fact]
    public void A_calendar_without_working_days_fails_loudly()
    {
        var everyDayOff = Enumerable.Range(0, 4000)
            .Select(i => new CalendarOverride(D(2026, 1, 1).AddDays(i), OverrideKind.DayOff, "Nghỉ"))
            .ToList();
        var calendar = new WorkingCalendar(HolidayRules.Default, WorkingHours.Default, everyDayOff);

        Assert.Throws<InvalidOperationException>(() => calendar.DueDate(At(2026, 1, 2, 9), 1, TimeUnit.WorkingDays));
    }
}
