namespace MotCua.Domain.Calendar;

/// <summary>
/// A computed deadline, all in Vietnam time (+07:00). <see cref="CountsFrom"/> is when the legal clock
/// starts after the cut-off and office-hours rules; it is what the receipt shows as the date of receipt.
/// </summary>
public sealed record DeadlineResult(DateTimeOffset ReceivedAt, DateTimeOffset CountsFrom, DateTimeOffset DueAt);
