using MotCua.Domain.Calendar;

namespace MotCua.Domain.Tests.Calendar;

public class HolidayRulesTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static List<DateOnly> DaysOff(int year, CalendarDayKind kind, HolidayRules? rules = null) =>
        [.. (rules ?? HolidayRules.Default).ForYear(year).Where(d => d.Kind == kind).Select(d => d.Date)];

    [Fact]
    public void Default_Tet_2026_takes_the_week_of_16_to_20_February()
    {
        var tet = HolidayRules.Default.ForYear(2026).Where(d => d.Name.StartsWith("Tết Nguyên đán", StringComparison.Ordinal)).ToList();

        Assert.Equal([D(2026, 2, 16), D(2026, 2, 17), D(2026, 2, 18), D(2026, 2, 19), D(2026, 2, 20)], tet.Select(d => d.Date));
        Assert.Equal("Tết Nguyên đán (ngày 29 tháng Chạp)", tet[0].Name);
        Assert.Equal("Tết Nguyên đán (mùng 1 tháng Giêng)", tet[1].Name);
    }

    [Fact]
    public void Year_2026_by_the_default_rules()
    {
        Assert.Equal(
            [D(2026, 1, 1), D(2026, 2, 16), D(2026, 2, 17), D(2026, 2, 18), D(2026, 2, 19), D(2026, 2, 20),
             D(2026, 4, 26), D(2026, 4, 30), D(2026, 5, 1), D(2026, 9, 2), D(2026, 9, 3)],
            DaysOff(2026, CalendarDayKind.Holiday));
        // Hùng Kings' day is a Sunday in 2026.
        Assert.Equal([D(2026, 4, 27)], DaysOff(2026, CalendarDayKind.Compensatory));
    }

    [Fact]
    public void Weekend_holidays_of_2022_are_made_up_on_Monday_and_Tuesday()
    {
        var compensatory = HolidayRules.Default.ForYear(2022).Where(d => d.Kind == CalendarDayKind.Compensatory).ToList();

        // 30/4 Saturday and 1/5 Sunday → Monday 2 May and Tuesday 3 May.
        Assert.Contains(compensatory, d => d.Date == D(2022, 5, 2) && d.Name == "Nghỉ bù Ngày Chiến thắng (30/4)");
        Assert.Contains(compensatory, d => d.Date == D(2022, 5, 3) && d.Name == "Nghỉ bù Ngày Quốc tế Lao động (1/5)");
        // 1/1 Saturday → Monday 3 January; 10/3 lunar on Sunday 10 April → Monday 11 April.
        Assert.Contains(compensatory, d => d.Date == D(2022, 1, 3));
        Assert.Contains(compensatory, d => d.Date == D(2022, 4, 11));
    }

    [Fact]
    public void Compensation_skips_holidays_that_follow_the_weekend()
    {
        // 2023: Hùng Kings Saturday 29/4, 30/4 Sunday, 1/5 Monday: the days off run to Wednesday 3 May.
        var compensatory = DaysOff(2023, CalendarDayKind.Compensatory);

        Assert.Contains(D(2023, 5, 2), compensatory);
        Assert.Contains(D(2023, 5, 3), compensatory);
        Assert.DoesNotContain(D(2023, 5, 1), compensatory);
    }

    [Fact]
    public void Default_Tet_ending_on_Saturday_is_made_up_on_Monday()
    {
        // 2025: 28 January (29 tháng Chạp) to Saturday 1 February.
        Assert.Equal([D(2025, 1, 28), D(2025, 1, 29), D(2025, 1, 30), D(2025, 1, 31), D(2025, 2, 1)], TetHolidayRule.Instance.Days(2025));
        Assert.Contains(D(2025, 2, 3), DaysOff(2025, CalendarDayKind.Compensatory));
    }

    [Theory]
    [InlineData(2025, 1)] // 2 September is a Tuesday: Monday 1 September joins the weekend
    [InlineData(2026, 3)]
    [InlineData(2024, 3)] // 2 September is a Monday
    public void National_day_takes_an_adjacent_day_by_default(int year, int adjacentDay)
    {
        Assert.Equal([D(year, 9, Math.Min(2, adjacentDay)), D(year, 9, Math.Max(2, adjacentDay))], NationalDayRule.Instance.Days(year));
        Assert.Contains(HolidayRules.Default.ForYear(year), d => d.Date == D(year, 9, adjacentDay) && d.Name == "Quốc khánh (ngày liền kề)");
    }

    [Fact]
    public void An_announced_Tet_replaces_the_default_for_its_year_only()
    {
        var announced = new AnnouncedHolidaySpan(
            new Dictionary<int, IReadOnlyList<DateOnly>>
            {
                [2026] = [D(2026, 2, 17), D(2026, 2, 18), D(2026, 2, 19), D(2026, 2, 20), D(2026, 2, 23)],
            },
            TetHolidayRule.Instance);
        var rules = new HolidayRules(tet: announced);

        var tet2026 = rules.ForYear(2026).Where(d => d.Name.StartsWith("Tết Nguyên đán", StringComparison.Ordinal)).Select(d => d.Date).ToList();
        Assert.DoesNotContain(D(2026, 2, 16), tet2026);
        Assert.Contains(D(2026, 2, 23), tet2026);
        Assert.Equal(HolidayRules.Default.ForYear(2027), rules.ForYear(2027));
    }

    [Fact]
    public void Years_are_cached()
    {
        Assert.Same(HolidayRules.Default.ForYear(2030), HolidayRules.Default.ForYear(2030));
    }

    [Fact]
    public void Every_year_has_eleven_holiday_days_and_no_duplicate_dates()
    {
        for (var year = 1900; year <= 2199; year++)
        {
            var days = HolidayRules.Default.ForYear(year);

            Assert.Equal(days.Count, days.Select(d => d.Date).Distinct().Count());
            Assert.All(days.Where(d => d.Kind == CalendarDayKind.Compensatory), d => Assert.True(d.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)));
            // 11 days by law; lunar 10/3 fell on 30 April in 1947, and that day was made up instead.
            Assert.Equal(year == 1947 ? 10 : 11, days.Count(d => d.Kind == CalendarDayKind.Holiday));
        }

        Assert.Contains(HolidayRules.Default.ForYear(1947), d => d.Kind == CalendarDayKind.Compensatory && d.Name == "Nghỉ bù Ngày Chiến thắng (30/4)");
    }
}
