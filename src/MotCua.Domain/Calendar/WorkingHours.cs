namespace MotCua.Domain.Calendar;

/// <summary>
/// A unit's office hours in Vietnam time. One working day is the length of a normal day
/// (<see cref="WorkingDayLength"/>, 8 hours by default), so a legal time of N working days is N times
/// that much working time.
/// </summary>
public sealed record WorkingHours
{
    public static WorkingHours Default { get; } = new();

    public TimeOnly MorningStart { get; init; } = new(8, 0);

    public TimeOnly MorningEnd { get; init; } = new(12, 0);

    public TimeOnly AfternoonStart { get; init; } = new(13, 0);

    public TimeOnly AfternoonEnd { get; init; } = new(17, 0);

    /// <summary>
    /// A dossier received later than this (15:00 in Hanoi; 15:00 itself is on time) counts from the start
    /// of the next working day, so staff are not handed a clock already running out. Null: no cut-off.
    /// </summary>
    public TimeOnly? CutOff { get; init; } = new(15, 0);

    /// <summary>Whether Saturday morning (same hours as other mornings) is working time; many counters
    /// open then, but by default it does not count toward deadlines.</summary>
    public bool SaturdayMorningCounts { get; init; }

    public TimeSpan WorkingDayLength => (MorningEnd - MorningStart) + (AfternoonEnd - AfternoonStart);

    /// <summary>Throws when the periods are not in order (morning, then afternoon, within one day).</summary>
    public void Validate()
    {
        if (!(MorningStart < MorningEnd && MorningEnd <= AfternoonStart && AfternoonStart < AfternoonEnd))
        {
            throw new ArgumentException(
                $"Working hours must be ordered: {MorningStart}–{MorningEnd}, then {AfternoonStart}–{AfternoonEnd}.");
        }

        if (CutOff is { } cutOff && (cutOff < MorningStart || cutOff > AfternoonEnd))
        {
            throw new ArgumentException($"The cut-off {cutOff} must lie within the working day.");
        }
    }
}
