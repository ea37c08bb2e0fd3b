using System.Collections.Concurrent;

namespace MotCua.Domain.Calendar;

/// <summary>
/// A lunisolar calendar computed from the sky for one civil time zone (7.0 for Vietnam, 8.0 for China):
/// each month starts on the local civil day of a new moon; the month holding the December solstice is
/// month 11; a solstice-to-solstice span of 13 months gets a leap month, the first one in which no major
/// solar term (the sun crossing a multiple of 30° of longitude) begins.
/// </summary>
public sealed class AstronomicalLunarCalendar
{
    /// <summary>First solar year supported (the astronomy is fitted for 1800–2299; tested for 1900–2199).</summary>
    public const int MinYear = 1800;

    public const int MaxYear = 2299;

    private readonly double _timeZoneDays;

    // Keyed by the solar year in which the span ends: span Y runs from month 11 of Y−1 to month 11 of Y.
    private readonly ConcurrentDictionary<int, SolsticeSpan> _spans = new();

    public AstronomicalLunarCalendar(double timeZoneHours)
    {
        if (timeZoneHours is < -12 or > 14)
        {
            throw new ArgumentOutOfRangeException(nameof(timeZoneHours), timeZoneHours, "Not a civil time zone.");
        }

        TimeZoneHours = timeZoneHours;
        _timeZoneDays = timeZoneHours / 24.0;
    }

    public double TimeZoneHours { get; }

    public LunarDate FromSolar(DateOnly date)
    {
        if (date.Year is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"Supported years: {MinYear}–{MaxYear}.");
        }

        var span = Span(date.Year);
        if (date.DayNumber >= span.MonthStarts[^1])
        {
            span = Span(date.Year + 1);
        }

        var index = span.MonthStarts.Length - 2;
        while (span.MonthStarts[index] > date.DayNumber)
        {
            index--;
        }

        var label = span.Labels[index];
        return new LunarDate(label.Year, label.Month, date.DayNumber - span.MonthStarts[index] + 1, label.IsLeap);
    }

    public DateOnly ToSolar(LunarDate date)
    {
        if (date.Month is < 1 or > 12 || date.Day is < 1 or > 30)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, "Month must be 1–12 and day 1–30.");
        }

        if (date.Year is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"Supported lunar years: {MinYear}–{MaxYear}.");
        }

        // Months 11 and 12 of lunar year N lie in the span that ends with the solstice of N+1.
        var span = Span(date.Month >= 11 ? date.Year + 1 : date.Year);
        for (var i = 0; i < span.Labels.Length; i++)
        {
            var label = span.Labels[i];
            if (label.Year != date.Year || label.Month != date.Month || label.IsLeap != date.IsLeapMonth)
            {
                continue;
            }

            var length = span.MonthStarts[i + 1] - span.MonthStarts[i];
            if (date.Day > length)
            {
                throw new ArgumentOutOfRangeException(nameof(date), date, $"That month has {length} days.");
            }

            return DateOnly.FromDayNumber(span.MonthStarts[i] + date.Day - 1);
        }

        throw new ArgumentOutOfRangeException(nameof(date), date, "That lunar year has no such leap month.");
    }

    /// <summary>Number of the leap month of a lunar year, or 0 when it has none.</summary>
    public int LeapMonth(int lunarYear)
    {
        // A leap month of lunar year N is either before month 11 (span N) or a leap 11/12 (span N+1).
        foreach (var span in new[] { Span(lunarYear), Span(lunarYear + 1) })
        {
            foreach (var label in span.Labels)
            {
                if (label.IsLeap && label.Year == lunarYear)
                {
                    return label.Month;
                }
            }
        }

        return 0;
    }

    private SolsticeSpan Span(int endYear) => _spans.GetOrAdd(endYear, BuildSpan);

    private SolsticeSpan BuildSpan(int endYear)
    {
        var first = Month11Lunation(endYear - 1);
        var last = Month11Lunation(endYear);
        var count = last - first;

        var starts = new int[count + 1];
        for (var i = 0; i <= count; i++)
        {
            starts[i] = NewMoonDay(first + i);
        }

        var leapIndex = -1;
        if (count == 13)
        {
            for (var i = 1; i < count; i++)
            {
                if (MajorTermSector(starts[i]) == MajorTermSector(starts[i + 1]))
                {
                    leapIndex = i;
                    break;
                }
            }
        }

        var labels = new MonthLabel[count];
        int month = 11, year = endYear - 1;
        labels[0] = new MonthLabel(year, month, false);
        for (var i = 1; i < count; i++)
        {
            if (i == leapIndex)
            {
                labels[i] = new MonthLabel(year, month, true);
                continue;
            }

            month = month % 12 + 1;
            if (month == 1)
            {
                year++;
            }

            labels[i] = new MonthLabel(year, month, false);
        }

        return new SolsticeSpan(starts, labels);
    }

    /// <summary>Lunation whose month (from its civil day to the next new moon's) holds the December solstice.</summary>
    private int Month11Lunation(int solarYear)
    {
        var lastDayOfYear = new DateOnly(solarYear, 12, 31).DayNumber + Astronomy.JulianDayOfDayNumberZero;
        var k = Astronomy.LunationNear(lastDayOfYear);
        // Near December the sun's longitude only grows from ~240° to ~300°, so comparing with 270° is safe.
        while (SunLongitudeAtStartOf(NewMoonDay(k)) >= 270.0)
        {
            k--;
        }

        while (SunLongitudeAtStartOf(NewMoonDay(k + 1)) < 270.0)
        {
            k++;
        }

        return k;
    }

    /// <summary><c>DateOnly.DayNumber</c> of the local civil day on which new moon <paramref name="k"/> falls.</summary>
    private int NewMoonDay(int k)
    {
        var julianDay = Astronomy.NewMoonUniversal(k);
        return (int)Math.Floor(julianDay + 0.5 + _timeZoneDays) - Astronomy.JulianDayOfDayNumberZero;
    }

    private double SunLongitudeAtStartOf(int dayNumber)
    {
        var localMidnight = dayNumber + Astronomy.JulianDayOfDayNumberZero - 0.5 - _timeZoneDays;
        return Astronomy.SunLongitudeAtUniversal(localMidnight);
    }

    /// <summary>Which 30° sector the sun is in at the start of a day: a month whose first day and the
    /// next month's first day share a sector has no major term.</summary>
    private int MajorTermSector(int dayNumber) => (int)(SunLongitudeAtStartOf(dayNumber) / 30.0);

    private readonly record struct MonthLabel(int Year, int Month, bool IsLeap);

    /// <summary>Months from one month 11 to the next: <c>MonthStarts</c> has one more entry than
    /// <c>Labels</c>, the start of the next month 11.</summary>
    private sealed record SolsticeSpan(int[] MonthStarts, MonthLabel[] Labels);
}
