using System.Collections.Concurrent;

namespace MotCua.Domain.Calendar;

/// <summary>
/// The national public holidays of the Labor Code 2019 (art. 112), computed for any year: New Year,
/// Tết, Hùng Kings' Commemoration (lunar 10/3), 30 April, 1 May and National Day, plus a compensatory
/// day off on the next working day for each holiday that falls on a Saturday or Sunday. Results are
/// cached per year, so deadline arithmetic never recomputes the astronomy.
/// </summary>
public sealed class HolidayRules
{
    private readonly ConcurrentDictionary<int, IReadOnlyList<CalendarDay>> _byYear = new();

    /// <param name="tet">Defaults to <see cref="TetHolidayRule"/>.</param>
    /// <param name="nationalDay">Defaults to <see cref="NationalDayRule"/>.</param>
    public HolidayRules(IHolidaySpanRule? tet = null, IHolidaySpanRule? nationalDay = null)
    {
        Tet = tet ?? TetHolidayRule.Instance;
        NationalDay = nationalDay ?? NationalDayRule.Instance;
    }

    /// <summary>The rules with their default Tết and National Day spans; shared, so its cache is too.</summary>
    public static HolidayRules Default { get; } = new();

    public IHolidaySpanRule Tet { get; }

    public IHolidaySpanRule NationalDay { get; }

    /// <summary>Holidays and compensatory days of a solar year, in date order.</summary>
    public IReadOnlyList<CalendarDay> ForYear(int year) => _byYear.GetOrAdd(year, Compute);

    private IReadOnlyList<CalendarDay> Compute(int year)
    {
        var holidays = new List<CalendarDay> { Holiday(new DateOnly(year, 1, 1), "Tết Dương lịch") };
        foreach (var day in Tet.Days(year))
        {
            holidays.Add(Holiday(day, $"Tết Nguyên đán ({VietnameseLunarCalendar.FromSolar(day).DayAndMonthName()})"));
        }

        holidays.Add(Holiday(VietnameseLunarCalendar.ToSolar(new LunarDate(year, 3, 10)), "Giỗ Tổ Hùng Vương (10/3 âm lịch)"));
        holidays.Add(Holiday(new DateOnly(year, 4, 30), "Ngày Chiến thắng (30/4)"));
        holidays.Add(Holiday(new DateOnly(year, 5, 1), "Ngày Quốc tế Lao động (1/5)"));
        foreach (var day in NationalDay.Days(year))
        {
            holidays.Add(Holiday(day, day is { Month: 9, Day: 2 } ? "Quốc khánh (2/9)" : "Quốc khánh (ngày liền kề)"));
        }

        // Stable sort: on a shared date the holiday listed first above keeps the date.
        var ordered = holidays.OrderBy(h => h.Date).ToList();
        return AddCompensatoryDays(ordered);
    }

    /// <summary>
    /// Each holiday that falls on a weekly rest day gives a day off on the next weekday that is not
    /// already off. Two holidays on one date (lunar 10/3 can fall on 30 April, as in 1947) are treated
    /// the same way, since the worker is owed both days.
    /// </summary>
    private static List<CalendarDay> AddCompensatoryDays(List<CalendarDay> holidays)
    {
        var taken = new HashSet<DateOnly>();
        var result = new List<CalendarDay>();
        var owed = new List<CalendarDay>();
        foreach (var holiday in holidays)
        {
            var firstOnItsDate = taken.Add(holiday.Date);
            if (firstOnItsDate)
            {
                result.Add(holiday);
            }

            if (!firstOnItsDate || IsWeekend(holiday.Date))
            {
                owed.Add(holiday);
            }
        }

        // Every holiday is marked taken before any compensation is placed, so a weekend holiday's day
        // off skips over holidays that follow it (29 April 2023 → 2 May, after 1 May).
        foreach (var holiday in owed)
        {
            var day = holiday.Date.AddDays(1);
            while (IsWeekend(day) || taken.Contains(day))
            {
                day = day.AddDays(1);
            }

            taken.Add(day);
            result.Add(new CalendarDay(day, $"Nghỉ bù {holiday.Name}", CalendarDayKind.Compensatory));
        }

        return [.. result.OrderBy(d => d.Date)];
    }

    private static CalendarDay Holiday(DateOnly date, string name) => new(date, name, CalendarDayKind.Holiday);

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
