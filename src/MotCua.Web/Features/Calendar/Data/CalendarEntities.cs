namespace MotCua.Web.Features.Calendar.Data;

/// <summary>
/// An administrator's change to the computed calendar for one day: an extra day off, or a working day
/// (a Saturday worked to bridge a holiday). UnitId null applies to the whole city.
/// </summary>
public sealed class CalendarOverrideEntry
{
    public Guid Id { get; set; }
    public Guid? UnitId { get; set; }
    public DateOnly Date { get; set; }
    public bool IsWorkingDay { get; set; }
    public required string Name { get; set; }
}

/// <summary>A unit's own working hours; a unit without a row inherits its parent's, then the defaults.</summary>
public sealed class UnitWorkingHours
{
    public Guid UnitId { get; set; }
    public TimeOnly MorningStart { get; set; } = new(8, 0);
    public TimeOnly MorningEnd { get; set; } = new(12, 0);
    public TimeOnly AfternoonStart { get; set; } = new(13, 0);
    public TimeOnly AfternoonEnd { get; set; } = new(17, 0);
    public TimeOnly? CutOff { get; set; } = new(15, 0);
    public bool SaturdayMorningCounts { get; set; }
}
