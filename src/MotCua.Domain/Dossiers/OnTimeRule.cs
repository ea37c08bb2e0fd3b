using MotCua.Domain.Calendar;

namespace MotCua.Domain.Dossiers;

/// <summary>
/// The national KPI judgement (Decision 766/QĐ-TTg) of one dossier: the end of processing — processed,
/// else returned, else stopped or refused — at or before the due date with the supplement waiting time
/// taken out; more than one supplement request during processing counts as late. Requests at reception
/// do not count: they come before acceptance, when the legal clock has not started. An apology slip
/// does not change the judgement. Early means finished on an earlier day than the due day.
/// </summary>
public static class OnTimeRule
{
    public static OutcomeClass? Judge(Dossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var end = dossier.ProcessingFinishedAt ?? dossier.ReturnedAt ?? dossier.StoppedAt ?? dossier.RefusedAt;
        if (end is null || dossier.DueAtAdjusted is not { } due)
        {
            return null;
        }

        return Judge(end.Value, due, dossier.SupplementRounds.Count(r => r.DuringProcessing));
    }

    /// <param name="dueWithSupplementTime">The original due date moved by the working time spent waiting for supplements.</param>
    public static OutcomeClass Judge(DateTimeOffset end, DateTimeOffset dueWithSupplementTime, int supplementRequestsDuringProcessing)
    {
        if (supplementRequestsDuringProcessing > 1 || end > dueWithSupplementTime)
        {
            return OutcomeClass.Late;
        }

        var endDay = DateOnly.FromDateTime(end.ToOffset(WorkingCalendar.VietnamOffset).DateTime);
        var dueDay = DateOnly.FromDateTime(dueWithSupplementTime.ToOffset(WorkingCalendar.VietnamOffset).DateTime);
        return endDay < dueDay ? OutcomeClass.Early : OutcomeClass.OnTime;
    }
}
