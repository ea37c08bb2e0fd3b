using MotCua.Domain.Calendar;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;

namespace MotCua.Domain.Insight;

/// <summary>Where a dossier stands for the timeliness indicator.</summary>
public enum KpiOutcome
{
    /// <summary>Not received (not yet accepted, refused at reception) or withdrawn: not judged.</summary>
    None = 0,
    Early = 1,
    OnTime = 2,
    Late = 3,
    /// <summary>In processing and still within time (or waiting for the applicant's papers, the clock stopped).</summary>
    OpenInTime = 4,
    OpenOverdue = 5,
}

/// <summary>How one payment order of the dossier stands, as the payments module records it.</summary>
public sealed record KpiPayment(long Amount, bool Exempt, bool Paid, bool Online);

/// <summary>
/// One dossier as the KPIs see it: a narrow row of flags, kept current as the dossier changes and summed per unit and
/// month. <see cref="OpenDueAt"/> is when an open dossier in time turns overdue without any change of its own.
/// </summary>
public sealed record DossierKpiFact
{
    public Guid DossierId { get; init; }
    public Guid UnitId { get; init; }
    /// <summary>yyyyMM of the day received (accepted), else of the day filed, in Vietnam.</summary>
    public int Month { get; init; }
    public string ProcedureCode { get; init; } = "";
    public Channel Channel { get; init; }
    public bool Received { get; init; }
    public bool RefusedAtReception { get; init; }
    public bool Withdrawn { get; init; }
    public KpiOutcome Outcome { get; init; }
    public DateTimeOffset? OpenDueAt { get; init; }
    /// <summary>
    /// The due instant (supplement time added) of an open judged dossier whose clock runs, overdue or not: the overdue and
    /// due-soon lists sort by it. Null once processing ended, and while waiting for the applicant's papers unless already overdue.
    /// </summary>
    public DateTimeOffset? DueAt { get; init; }
    public bool Finished { get; init; }
    /// <summary>Minutes from the start of the legal clock to the end of processing (wall clock), 0 while open.</summary>
    public long ProcessingMinutes { get; init; }
    public bool ElectronicResult { get; init; }
    /// <summary>Online as Decision 766 counts it: filed online (channel 2) and, once finished, with an electronic result.</summary>
    public bool OnlineFull { get; init; }
    public bool Digitised { get; init; }
    public bool FeeBearing { get; init; }
    public bool PaidOnline { get; init; }
    public bool PaidAtCounter { get; init; }
    public bool NegativeRating { get; init; }
    public int SupplementRequests { get; init; }

    /// <summary>A rating of 1 or 2 out of 5 counts as a complaint for indicator S3.</summary>
    public const int NegativeRatingAtMost = 2;

    public static DossierKpiFact Of(Dossier dossier, IReadOnlyCollection<KpiPayment> payments, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        ArgumentNullException.ThrowIfNull(payments);
        var received = dossier.ReceivedAt is not null;
        var withdrawn = dossier.Status == DossierStatus.Withdrawn;
        var day = DateOnly.FromDateTime((dossier.ReceivedAt ?? dossier.SubmittedAt).ToOffset(WorkingCalendar.VietnamOffset).DateTime);
        var supplements = dossier.SupplementRounds.Count(r => r.DuringProcessing);
        var outcome = KpiOutcome.None;
        DateTimeOffset? openDue = null;
        DateTimeOffset? dueAt = null;
        if (received && !withdrawn)
        {
            if (dossier.OutcomeClass is { } judged)
            {
                outcome = judged switch { OutcomeClass.Early => KpiOutcome.Early, OutcomeClass.OnTime => KpiOutcome.OnTime, _ => KpiOutcome.Late };
            }
            else if (supplements > 1 || dossier.IsOverdue(now))
            {
                // A second supplement request already makes the end late, whenever it comes.
                outcome = KpiOutcome.OpenOverdue;
                dueAt = dossier.DueAtAdjusted ?? dossier.DueAt;
            }
            else
            {
                outcome = KpiOutcome.OpenInTime;
                // While waiting for papers the clock stands still: only the applicant's answer (a change) moves it on.
                openDue = dossier.Status == DossierStatus.SupplementRequested ? null : dossier.DueAtAdjusted;
                dueAt = openDue;
            }
        }

        var end = dossier.ProcessingFinishedAt ?? dossier.StoppedAt;
        var finished = received && end is not null;
        var electronic = dossier.ResultDocuments.Count > 0;
        var fees = payments.Where(p => p.Amount > 0 && !p.Exempt).ToList();
        return new DossierKpiFact
        {
            DossierId = dossier.Id,
            UnitId = dossier.ReceivingUnitId,
            Month = KpiPeriod.MonthKey(day),
            ProcedureCode = dossier.ProcedureCode,
            Channel = dossier.Channel,
            Received = received,
            RefusedAtReception = dossier.Status == DossierStatus.Refused,
            Withdrawn = received && withdrawn,
            Outcome = outcome,
            OpenDueAt = openDue,
            DueAt = dueAt,
            Finished = finished,
            ProcessingMinutes = finished && (dossier.CountsFrom ?? dossier.ReceivedAt) is { } start ? (long)Math.Max(0, (end!.Value - start).TotalMinutes) : 0,
            ElectronicResult = finished && electronic,
            OnlineFull = received && dossier.Channel == Channel.Online && (!finished || electronic),
            Digitised = received && dossier.Attachments.Count > 0,
            FeeBearing = received && fees.Count > 0,
            PaidOnline = received && fees.Any(p => p.Paid && p.Online),
            PaidAtCounter = received && fees.Any(p => p.Paid && !p.Online),
            NegativeRating = received && dossier.Rating is { Score: <= NegativeRatingAtMost },
            SupplementRequests = supplements,
        };
    }
}
