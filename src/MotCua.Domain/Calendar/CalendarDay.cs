namespace MotCua.Domain.Calendar;

/// <summary>Why a day is special in a working calendar.</summary>
public enum CalendarDayKind
{
    /// <summary>A public holiday by the national rules (Labor Code 2019, art. 112).</summary>
    Holiday,

    /// <summary>A day off given because a holiday fell on a weekly rest day (nghỉ bù).</summary>
    Compensatory,

    /// <summary>Set by an administrator for the city or a unit; see <see cref="CalendarOverride"/>.</summary>
    Override,
}

/// <summary>
/// A special day of a calendar with its Vietnamese name. <see cref="IsDayOff"/> is false only for an
/// <see cref="CalendarDayKind.Override"/> that makes the day a working day (a swapped Saturday).
/// </summary>
public sealed record CalendarDay(DateOnly Date, string Name, CalendarDayKind Kind, bool IsDayOff = true);
