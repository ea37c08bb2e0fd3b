namespace MotCua.Domain.Calendar;

/// <summary>
/// A holiday whose exact days the government fixes each year (Tết, National Day). The defaults below
/// are only a guess at the announcement; an operator replaces them, for one year or for good.
/// </summary>
public interface IHolidaySpanRule
{
    /// <summary>The days off for that solar year, in date order.</summary>
    IReadOnlyList<DateOnly> Days(int year);
}

/// <summary>
/// Default Tết (Tết Nguyên Đán): five days, the last day of the old lunar year and lunar 1/1 to 1/4.
/// The government usually announces a longer break built from these days, weekends and swapped days.
/// </summary>
public sealed class TetHolidayRule : IHolidaySpanRule
{
    public static TetHolidayRule Instance { get; } = new();

    public IReadOnlyList<DateOnly> Days(int year)
    {
        var newYear = VietnameseLunarCalendar.NewYear(year);
        return [newYear.AddDays(-1), newYear, newYear.AddDays(1), newYear.AddDays(2), newYear.AddDays(3)];
    }
}

/// <summary>
/// Default National Day (Quốc khánh): 2 September plus one adjacent day. The law lets the government
/// choose 1 or 3 September; this default takes 1 September when 2 September is a Tuesday (so the break
/// joins the weekend: Saturday–Tuesday) and 3 September otherwise. An assumption, not law.
/// </summary>
public sealed class NationalDayRule : IHolidaySpanRule
{
    public static NationalDayRule Instance { get; } = new();

    public IReadOnlyList<DateOnly> Days(int year)
    {
        var nationalDay = new DateOnly(year, 9, 2);
        return nationalDay.DayOfWeek == DayOfWeek.Tuesday
            ? [nationalDay.AddDays(-1), nationalDay]
            : [nationalDay, nationalDay.AddDays(1)];
    }
}

/// <summary>
/// Days as the government announced them for given years; any other year falls back to another rule
/// (usually the default one). List only the days the law counts as the holiday (five for Tết, two for
/// National Day): a listed day on a weekend earns a compensatory day. The rest of an announced break
/// (weekends, swapped days) belongs in <see cref="CalendarOverride"/>s.
/// </summary>
public sealed class AnnouncedHolidaySpan : IHolidaySpanRule
{
    private readonly Dictionary<int, DateOnly[]> _announced;
    private readonly IHolidaySpanRule _otherYears;

    public AnnouncedHolidaySpan(IReadOnlyDictionary<int, IReadOnlyList<DateOnly>> announced, IHolidaySpanRule otherYears)
    {
        ArgumentNullException.ThrowIfNull(announced);
        ArgumentNullException.ThrowIfNull(otherYears);
        _announced = announced.ToDictionary(pair => pair.Key, pair => pair.Value.Distinct().Order().ToArray());
        _otherYears = otherYears;
    }

    public IReadOnlyList<DateOnly> Days(int year) =>
        _announced.TryGetValue(year, out var days) ? days : _otherYears.Days(year);
}
