namespace MotCua.Domain.Calendar;

/// <summary>
/// The Vietnamese lunar calendar (âm lịch): the astronomical lunisolar calendar on the meridian of
/// UTC+7. Not <c>System.Globalization.ChineseLunisolarCalendar</c>, which uses UTC+8 and so puts Tết on
/// another day in some years (2007, 1985…).
/// </summary>
public static class VietnameseLunarCalendar
{
    /// <summary>Vietnam's civil time, UTC+7.</summary>
    public const double TimeZoneHours = 7.0;

    private static readonly string[] Stems =
        ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"];

    private static readonly string[] Branches =
        ["Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"];

    /// <summary>The calendar itself, shared so that its per-year cache is shared too.</summary>
    public static AstronomicalLunarCalendar Calendar { get; } = new(TimeZoneHours);

    public static LunarDate FromSolar(DateOnly date) => Calendar.FromSolar(date);

    public static DateOnly ToSolar(LunarDate date) => Calendar.ToSolar(date);

    /// <summary>Number of the leap month of a lunar year, or 0 when it has none.</summary>
    public static int LeapMonth(int lunarYear) => Calendar.LeapMonth(lunarYear);

    /// <summary>Solar date of Tết (lunar 1/1) of a lunar year.</summary>
    public static DateOnly NewYear(int lunarYear) => Calendar.ToSolar(new LunarDate(lunarYear, 1, 1));

    /// <summary>
    /// The year's can-chi (sexagenary) name, e.g. 2026 → "Bính Ngọ", 2025 → "Ất Tỵ". The cycle does not
    /// depend on the time zone, so it holds for any year number.
    /// </summary>
    public static string YearName(int lunarYear)
    {
        // Year 4 (and every 60th after) is Giáp Tý, the cycle's first year.
        var stem = Mod(lunarYear - 4, 10);
        var branch = Mod(lunarYear - 4, 12);
        return $"{Stems[stem]} {Branches[branch]}";
    }

    private static int Mod(int value, int modulus) => ((value % modulus) + modulus) % modulus;
}
