using System.Globalization;

namespace MotCua.Domain.Insight;

/// <summary>
/// A reporting period: a month ("2026-03"), a quarter ("2026-Q1") or a year ("2026"), as a range of month keys
/// (yyyyMM as an integer, e.g. 202603) that the monthly rows are filtered by.
/// </summary>
public sealed record KpiPeriod(string Text, int FirstMonth, int LastMonth)
{
    public static int MonthKey(DateOnly day) => day.Year * 100 + day.Month;

    public static DateOnly FirstDay(int monthKey) => new(monthKey / 100, monthKey % 100, 1);

    public DateOnly Start => FirstDay(FirstMonth);

    public DateOnly End => FirstDay(LastMonth).AddMonths(1).AddDays(-1);

    public IEnumerable<int> Months()
    {
        for (var d = Start; d <= End; d = d.AddMonths(1)) yield return MonthKey(d);
    }

    /// <summary>The period just before, of the same length (last month, last quarter, last year).</summary>
    public KpiPeriod Previous()
    {
        var months = (End.Year - Start.Year) * 12 + End.Month - Start.Month + 1;
        var start = Start.AddMonths(-months);
        var text = months switch
        {
            1 => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            3 => $"{start.Year}-Q{(start.Month - 1) / 3 + 1}",
            _ => start.Year.ToString(CultureInfo.InvariantCulture),
        };
        return new KpiPeriod(text, MonthKey(start), MonthKey(Start.AddMonths(-1)));
    }

    public static KpiPeriod Month(int year, int month) =>
        new(new DateOnly(year, month, 1).ToString("yyyy-MM", CultureInfo.InvariantCulture), year * 100 + month, year * 100 + month);

    public static bool TryParse(string? text, out KpiPeriod period)
    {
        period = null!;
        var t = text?.Trim() ?? "";
        if (t.Length == 4 && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100)
        {
            period = new KpiPeriod(t, year * 100 + 1, year * 100 + 12);
            return true;
        }
        if (t.Length == 7 && t[4] == '-' && int.TryParse(t[..4], NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 2000 and <= 2100)
        {
            if (t[5] is 'Q' or 'q' && t[6] is >= '1' and <= '4')
            {
                var q = t[6] - '0';
                period = new KpiPeriod($"{year}-Q{q}", year * 100 + q * 3 - 2, year * 100 + q * 3);
                return true;
            }
            if (int.TryParse(t[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
            {
                period = Month(year, month);
                return true;
            }
        }
        return false;
    }
}
