namespace MotCua.Domain.Calendar;

public enum OverrideKind
{
    /// <summary>No work that day, e.g. a Tết day the government added, or a local event.</summary>
    DayOff,

    /// <summary>A full working day on a day that would otherwise be off, e.g. a Saturday worked to bridge a holiday.</summary>
    WorkingDay,
}

/// <summary>
/// An administrator's correction of one date, for the whole city or one unit: the government announces
/// each year's exact schedule, which the default rules only approximate.
/// </summary>
public sealed record CalendarOverride(DateOnly Date, OverrideKind Kind, string Name);
