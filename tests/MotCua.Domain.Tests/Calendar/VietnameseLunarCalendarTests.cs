using System.Globalization;
using MotCua.Domain.Calendar;

namespace MotCua.Domain.Tests.Calendar;

public class VietnameseLunarCalendarTests
{
    private static readonly AstronomicalLunarCalendar China = new(8.0);

    [Theory]
    [InlineData(2024, 2, 10)]
    [InlineData(2025, 1, 29)]
    [InlineData(2026, 2, 17)]
    [InlineData(2027, 2, 6)]
    public void Tet_falls_on_the_known_date(int year, int month, int day)
    {
        var tet = new DateOnly(year, month, day);

        Assert.Equal(tet, VietnameseLunarCalendar.NewYear(year));
        Assert.Equal(new LunarDate(year, 1, 1), VietnameseLunarCalendar.FromSolar(tet));
    }

    [Theory]
    [InlineData(2007, "2007-02-17", "2007-02-18")] // new moon at 23:14 in Hanoi, 00:14 in Beijing
    [InlineData(1985, "1985-01-21", "1985-02-20")] // a whole month apart: Vietnam had leap month 2 in 1985, China leap 10 in 1984
    [InlineData(1968, "1968-01-29", "1968-01-30")] // Tết Mậu Thân, the year after the North moved to UTC+7
    public void Tet_on_the_meridian_of_UTC_plus_7_differs_from_China(int year, string vietnam, string china)
    {
        Assert.Equal(DateOnly.Parse(vietnam, CultureInfo.InvariantCulture), VietnameseLunarCalendar.NewYear(year));
        Assert.Equal(DateOnly.Parse(china, CultureInfo.InvariantCulture), China.ToSolar(new LunarDate(year, 1, 1)));
    }

    [Fact]
    public void In_1985_the_leap_months_differ()
    {
        Assert.Equal(0, VietnameseLunarCalendar.LeapMonth(1984));
        Assert.Equal(2, VietnameseLunarCalendar.LeapMonth(1985));
        Assert.Equal(10, China.LeapMonth(1984));
        Assert.Equal(0, China.LeapMonth(1985));
    }

    [Theory]
    [InlineData(2024, 4, 18)]
    [InlineData(2025, 4, 7)]
    [InlineData(2026, 4, 26)]
    [InlineData(2023, 4, 29)]
    public void Hung_Kings_day_is_lunar_10_3(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), VietnameseLunarCalendar.ToSolar(new LunarDate(year, 3, 10)));
    }

    [Theory]
    [InlineData(2023, 2, "2023-03-22")]
    [InlineData(2025, 6, "2025-07-25")]
    public void Leap_month_follows_the_month_it_repeats(int year, int leapMonth, string firstDay)
    {
        var start = DateOnly.Parse(firstDay, CultureInfo.InvariantCulture);

        Assert.Equal(leapMonth, VietnameseLunarCalendar.LeapMonth(year));
        Assert.Equal(start, VietnameseLunarCalendar.ToSolar(new LunarDate(year, leapMonth, 1, IsLeapMonth: true)));
        Assert.Equal(new LunarDate(year, leapMonth, 1, IsLeapMonth: true), VietnameseLunarCalendar.FromSolar(start));
        Assert.False(VietnameseLunarCalendar.FromSolar(start.AddDays(-1)).IsLeapMonth);
        Assert.Equal(leapMonth, VietnameseLunarCalendar.FromSolar(start.AddDays(-1)).Month);
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2026)]
    [InlineData(2027)]
    public void Ordinary_year_has_no_leap_month(int year)
    {
        Assert.Equal(0, VietnameseLunarCalendar.LeapMonth(year));
    }

    [Theory]
    [InlineData(2026, "Bính Ngọ")]
    [InlineData(2025, "Ất Tỵ")]
    [InlineData(2024, "Giáp Thìn")]
    [InlineData(2023, "Quý Mão")]
    [InlineData(1984, "Giáp Tý")]
    [InlineData(1968, "Mậu Thân")]
    [InlineData(1945, "Ất Dậu")]
    public void Year_name_is_the_can_chi(int year, string name)
    {
        Assert.Equal(name, VietnameseLunarCalendar.YearName(year));
    }

    [Fact]
    public void Lunar_date_reads_in_Vietnamese()
    {
        Assert.Equal("mùng 1 tháng Giêng năm Bính Ngọ", VietnameseLunarCalendar.FromSolar(new DateOnly(2026, 2, 17)).ToString());
        Assert.Equal("ngày 29 tháng Chạp năm Ất Tỵ", VietnameseLunarCalendar.FromSolar(new DateOnly(2026, 2, 16)).ToString());
        Assert.Equal("ngày 15 tháng 2 nhuận", new LunarDate(2023, 2, 15, IsLeapMonth: true).DayAndMonthName());
    }

    [Fact]
    public void Every_day_from_1900_to_2199_converts_there_and_back()
    {
        var previous = VietnameseLunarCalendar.FromSolar(new DateOnly(1899, 12, 31));
        for (var date = new DateOnly(1900, 1, 1); date <= new DateOnly(2199, 12, 31); date = date.AddDays(1))
        {
            var lunar = VietnameseLunarCalendar.FromSolar(date);

            Assert.Equal(date, VietnameseLunarCalendar.ToSolar(lunar));
            // Days advance by one, or a month of 29/30 days ends and the next starts at 1.
            if (lunar.Day == 1)
            {
                Assert.InRange(previous.Day, 29, 30);
            }
            else
            {
                Assert.Equal(previous with { Day = previous.Day + 1 }, lunar);
            }

            previous = lunar;
        }
    }

    [Fact]
    public void On_UTC_plus_8_it_agrees_with_dotnet_Chinese_calendar_day_by_day()
    {
        // An independent check of the astronomy. .NET's table follows the Beijing meridian before 1929,
        // and 2057 has a new moon within minutes of midnight on which sources disagree, so both are left out.
        var dotnet = new ChineseLunisolarCalendar();
        foreach (var (from, to) in new[] { (new DateOnly(1930, 1, 1), new DateOnly(2056, 12, 31)), (new DateOnly(2058, 1, 1), new DateOnly(2100, 12, 31)) })
        {
            for (var date = from; date <= to; date = date.AddDays(1))
            {
                var clock = date.ToDateTime(TimeOnly.MinValue);
                int year = dotnet.GetYear(clock), month = dotnet.GetMonth(clock), leap = dotnet.GetLeapMonth(year);
                // .NET numbers the leap month as the next month (leap 2 is month 3); LunarDate repeats the number.
                var expected = new LunarDate(year, leap > 0 && month >= leap ? month - 1 : month, dotnet.GetDayOfMonth(clock), month == leap);

                Assert.Equal(expected, China.FromSolar(date));
            }
        }
    }

    [Fact]
    public void Impossible_lunar_dates_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToSolar(new LunarDate(2026, 3, 1, IsLeapMonth: true)));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToSolar(new LunarDate(2026, 13, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToSolar(new LunarDate(1700, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.FromSolar(new DateOnly(2400, 1, 1)));

        var lastOfYear = VietnameseLunarCalendar.FromSolar(new DateOnly(2026, 2, 16));
        Assert.Equal(29, lastOfYear.Day);
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToSolar(lastOfYear with { Day = 30 }));
    }
}
