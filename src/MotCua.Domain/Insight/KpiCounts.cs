namespace MotCua.Domain.Insight;

/// <summary>
/// The counters one scope and period add up to: what the monthly rows of every unit in the scope sum to, plus the
/// distinct-procedure counts (which do not add up across rows and are counted from the per-procedure rows).
/// </summary>
public sealed record KpiCounts
{
    /// <summary>Accepted (received) in the period: the denominator of most dossier indicators.</summary>
    public long Received { get; init; }
    /// <summary>Received and not withdrawn: the dossiers the on-time rule judges.</summary>
    public long Judged { get; init; }
    public long Early { get; init; }
    public long OnTime { get; init; }
    public long Late { get; init; }
    /// <summary>Still in processing and within time (counts as on time, as the national KPI does).</summary>
    public long OpenInTime { get; init; }
    public long OpenOverdue { get; init; }
    public long Withdrawn { get; init; }
    /// <summary>Processing ended (result issued, or stopped).</summary>
    public long Finished { get; init; }
    public long FinishedMinutes { get; init; }
    public long ElectronicResult { get; init; }
    public long Online { get; init; }
    public long OnlineFull { get; init; }
    public long Counter { get; init; }
    public long Post { get; init; }
    public long Digitised { get; init; }
    public long FeeBearing { get; init; }
    public long PaidOnline { get; init; }
    public long PaidAtCounter { get; init; }
    public long NegativeRating { get; init; }
    /// <summary>Judged dossiers that are late, overdue or rated negatively, each counted once (indicator S3).</summary>
    public long LateOrComplained { get; init; }
    public long RefusedAtReception { get; init; }
    public long ProceduresWithDossiers { get; init; }
    public long ProceduresUsedOnline { get; init; }
    public long ProceduresFeeBearing { get; init; }
    public long ProceduresPaidOnline { get; init; }
    /// <summary>
    /// The catalogue as published at the period's end, for the scope's levels (indicators O1 and F1): procedures, those
    /// offered fully online, those with a fee and those of them payable online. Not summed over rows: set once per scope.
    /// </summary>
    public long CatalogProcedures { get; init; }
    public long CatalogFullyOnline { get; init; }
    public long CatalogFeeBearing { get; init; }
    public long CatalogPayableOnline { get; init; }
    public long FeedbackReceived { get; init; }
    public long FeedbackOnTime { get; init; }
    public long FeedbackOpenInTime { get; init; }
    public long FeedbackRated { get; init; }
    public long FeedbackSatisfied { get; init; }
    public long FeedbackReopened { get; init; }

    public static KpiCounts Sum(IEnumerable<KpiCounts> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var t = new KpiCounts();
        foreach (var r in rows) t = t.Plus(r);
        return t;
    }

    public KpiCounts Plus(KpiCounts o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new KpiCounts
        {
            Received = Received + o.Received, Judged = Judged + o.Judged, Early = Early + o.Early, OnTime = OnTime + o.OnTime,
            Late = Late + o.Late, OpenInTime = OpenInTime + o.OpenInTime, OpenOverdue = OpenOverdue + o.OpenOverdue,
            Withdrawn = Withdrawn + o.Withdrawn, Finished = Finished + o.Finished, FinishedMinutes = FinishedMinutes + o.FinishedMinutes,
            ElectronicResult = ElectronicResult + o.ElectronicResult, Online = Online + o.Online, OnlineFull = OnlineFull + o.OnlineFull,
            Counter = Counter + o.Counter, Post = Post + o.Post, Digitised = Digitised + o.Digitised, FeeBearing = FeeBearing + o.FeeBearing,
            PaidOnline = PaidOnline + o.PaidOnline, PaidAtCounter = PaidAtCounter + o.PaidAtCounter, NegativeRating = NegativeRating + o.NegativeRating,
            LateOrComplained = LateOrComplained + o.LateOrComplained,
            RefusedAtReception = RefusedAtReception + o.RefusedAtReception,
            ProceduresWithDossiers = ProceduresWithDossiers + o.ProceduresWithDossiers, ProceduresUsedOnline = ProceduresUsedOnline + o.ProceduresUsedOnline,
            ProceduresFeeBearing = ProceduresFeeBearing + o.ProceduresFeeBearing, ProceduresPaidOnline = ProceduresPaidOnline + o.ProceduresPaidOnline,
            FeedbackReceived = FeedbackReceived + o.FeedbackReceived, FeedbackOnTime = FeedbackOnTime + o.FeedbackOnTime,
            FeedbackOpenInTime = FeedbackOpenInTime + o.FeedbackOpenInTime, FeedbackRated = FeedbackRated + o.FeedbackRated,
            FeedbackSatisfied = FeedbackSatisfied + o.FeedbackSatisfied, FeedbackReopened = FeedbackReopened + o.FeedbackReopened,
        };
    }

    /// <summary>Average processing time of the finished dossiers, in days (24 hours), null with none finished.</summary>
    public decimal? AverageProcessingDays => Finished == 0 ? null : (decimal)FinishedMinutes / Finished / 1440m;
}

/// <summary>An administrator's figure for an indicator whose data lives outside the product.</summary>
public sealed record KpiEntered(string Key, long Numerator, long Denominator);

/// <summary>The scorecard: every indicator of <see cref="KpiCatalog"/> scored from the counts and the entered figures.</summary>
public static class KpiScorecard
{
    public static IReadOnlyList<KpiScore> Compute(KpiCounts c, IEnumerable<KpiEntered> entered)
    {
        ArgumentNullException.ThrowIfNull(c);
        var byKey = (entered ?? []).GroupBy(e => e.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (N: g.Sum(e => e.Numerator), D: g.Sum(e => e.Denominator)), StringComparer.Ordinal);
        var onTime = c.Early + c.OnTime + c.OpenInTime;
        return KpiCatalog.All.Select(d => d.Source == KpiSource.Administrator
            ? KpiScoring.Score(d, byKey.GetValueOrDefault(d.Key).N, byKey.GetValueOrDefault(d.Key).D)
            : d.Key switch
            {
                KpiCatalog.OnTime => KpiScoring.Score(d, onTime, c.Judged),
                // The product records every dossier's processing time, so the average is reported whenever one finished.
                KpiCatalog.AverageTimeReported => KpiScoring.Score(d, c.Finished > 0 ? 1 : 0, c.Finished > 0 ? 1 : 0),
                KpiCatalog.ProceduresOfferedOnline => KpiScoring.Score(d, c.CatalogFullyOnline, c.CatalogProcedures),
                KpiCatalog.OnlineServicesUsed => KpiScoring.Score(d, c.ProceduresUsedOnline, c.ProceduresWithDossiers),
                KpiCatalog.OnlineDossiers => KpiScoring.Score(d, c.OnlineFull, c.Received),
                KpiCatalog.PayableOnline => KpiScoring.Score(d, c.CatalogPayableOnline, c.CatalogFeeBearing),
                KpiCatalog.ProceduresPaidOnline => KpiScoring.Score(d, c.ProceduresPaidOnline, c.ProceduresFeeBearing),
                KpiCatalog.PaidOnline => KpiScoring.Score(d, c.PaidOnline, c.FeeBearing),
                KpiCatalog.ElectronicResult => KpiScoring.Score(d, c.ElectronicResult, c.Finished),
                KpiCatalog.Digitised => KpiScoring.Score(d, c.Digitised, c.Received),
                KpiCatalog.FeedbackOnTime => KpiScoring.Score(d, c.FeedbackOnTime + c.FeedbackOpenInTime, c.FeedbackReceived),
                KpiCatalog.FeedbackSatisfaction => KpiScoring.Score(d, c.FeedbackSatisfied, c.FeedbackRated),
                // 100% − (late rate + complaint rate), over the dossiers judged; a late dossier also rated badly counts once.
                KpiCatalog.NoLateNoComplaint => KpiScoring.Score(d, c.Judged - c.LateOrComplained, c.Judged),
                KpiCatalog.FeedbackReopened => KpiScoring.Score(d, c.FeedbackReopened, c.FeedbackReceived),
                _ => throw new InvalidOperationException("No formula for " + d.Key),
            }).ToList();
    }
}
