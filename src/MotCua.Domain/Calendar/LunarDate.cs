namespace MotCua.Domain.Calendar;

/// <summary>
/// A date of the lunisolar calendar. <see cref="Year"/> is the solar year in which that lunar year's
/// first day falls (lunar 2026 = Bính Ngọ, starting 17 February 2026). A leap month (tháng nhuận)
/// repeats the number of the month before it, so <c>(2023, 2, 1, IsLeapMonth: true)</c> follows month 2.
/// </summary>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth = false)
{
    /// <summary>Vietnamese wording, e.g. "mùng 1 tháng Giêng năm Bính Ngọ" or "ngày 15 tháng 2 nhuận năm Quý Mão".</summary>
    public override string ToString() =>
        $"{DayAndMonthName()} năm {VietnameseLunarCalendar.YearName(Year)}";

    /// <summary>Day and month only, e.g. "ngày 30 tháng Chạp"; how holidays are named.</summary>
    public string DayAndMonthName()
    {
        var day = Day <= 10 ? $"mùng {Day}" : $"ngày {Day}";
        var month = Month switch
        {
            1 => "Giêng",
            12 => "Chạp",
            _ => $"{Month}",
        };
        return $"{day} tháng {month}{(IsLeapMonth ? " nhuận" : string.Empty)}";
    }
}
