using System.Collections.Concurrent;

namespace MotCua.Domain.Calendar;

/// <summary>How much of a day is working time.</summary>
internal enum DayPlan : byte
{
    Off,
    MorningOnly,
    Full,
}

/// <summary>
/// Each date's <see cref="DayPlan"/> for one calendar (rules + overrides + hours), computed once per
/// year into an array so that deadline arithmetic is a lookup per day.
/// </summary>
internal sealed class DayPlans
{
    private readonly HolidayRules _rules;
    private readonly IReadOnlyDictionary<DateOnly, CalendarOverride> _overrides;
    private readonly bool _saturdayMorningCounts;
    private readonly ConcurrentDictionary<int, DayPlan[]> _years = new();

    public DayPlans(HolidayRules rules, IReadOnlyDictionary<DateOnly, CalendarOverride> overrides, bool saturdayMorningCounts)
    {
        _rules = rules;
        _overrides = overrides;
        _saturdayMorningCounts = saturdayMorningCounts;
    }

    public DayPlan this[DateOnly date] => Year(date.Year)[date.DayOfYear - 1];

    public DayPlan[] Year(int year) =>
        _years.TryGetValue(year, out var plan) ? plan : _years.GetOrAdd(year, Build);

    private DayPlan[] Build(int year)
    {
        var first = new DateOnly(year, 1, 1);
        var plan = new DayPlan[DateTime.IsLeapYear(year) ? 366 : 365];
        for (var i = 0; i < plan.Length; i++)
        {
            plan[i] = first.AddDays(i).DayOfWeek switch
            {
                DayOfWeek.Sunday => DayPlan.Off,
                DayOfWeek.Saturday => _saturdayMorningCounts ? DayPlan.MorningOnly : DayPlan.Off,
                _ => DayPlan.Full,
            };
        }

        foreach (var day in _rules.ForYear(year))
        {
            if (day.Date.Year == year)
            {
                plan[day.Date.DayOfYear - 1] = DayPlan.Off;
            }
        }

        foreach (var (date, entry) in _overrides)
        {
            if (date.Year == year)
            {
                plan[date.DayOfYear - 1] = entry.Kind == OverrideKind.DayOff ? DayPlan.Off : DayPlan.Full;
            }
        }

        return plan;
    }
}
