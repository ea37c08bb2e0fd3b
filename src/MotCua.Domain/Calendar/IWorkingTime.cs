namespace MotCua.Domain.Calendar;

/// <summary>
/// The two working-time calculations a dossier needs while it is processed: how much working time a
/// pause took, and where a share of working time ends. An interface so that the dossier does not care
/// which unit's calendar the caller picked, and tests can use any calendar.
/// </summary>
public interface IWorkingTime
{
    /// <inheritdoc cref="WorkingCalendar.AddWorkingMinutes"/>
    DateTimeOffset AddWorkingMinutes(DateTimeOffset from, decimal minutes);

    /// <inheritdoc cref="WorkingCalendar.WorkingMinutesBetween"/>
    decimal WorkingMinutesBetween(DateTimeOffset from, DateTimeOffset to);
}
