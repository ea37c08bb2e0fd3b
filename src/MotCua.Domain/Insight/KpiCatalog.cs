namespace MotCua.Domain.Insight;

/// <summary>
/// The indicators of Decision 766 with their points and thresholds (docs/kpis.md says each formula). Thresholds the
/// decision's summary does not give are 100%, so the score is simply proportional. The groups add up to 18, 20, 12,
/// 10, 22 and 18 points: 100 in all.
/// </summary>
public static class KpiCatalog
{
    public const string ProceduresPublished = "T1";
    public const string ProcedureRecordsComplete = "T2";
    public const string SyncedToNationalPortal = "T3";
    public const string OnTime = "P1";
    public const string AverageTimeReported = "P2";
    public const string ProceduresOfferedOnline = "O1";
    public const string OnlineServicesUsed = "O2";
    public const string OnlineDossiers = "O3";
    public const string PayableOnline = "F1";
    public const string ProceduresPaidOnline = "F2";
    public const string PaidOnline = "F3";
    public const string ElectronicResult = "D1";
    public const string Digitised = "D2";
    public const string DataReused = "D3";
    public const string DocumentStoreUsed = "D4";
    public const string FeedbackOnTime = "S1";
    public const string FeedbackSatisfaction = "S2";
    public const string NoLateNoComplaint = "S3";
    public const string FeedbackReopened = "S4";

    public static readonly IReadOnlyList<KpiDefinition> All =
    [
        new(ProceduresPublished, KpiGroup.Transparency, 6, 1m, KpiSource.Administrator),
        new(ProcedureRecordsComplete, KpiGroup.Transparency, 6, 1m, KpiSource.Administrator),
        new(SyncedToNationalPortal, KpiGroup.Transparency, 6, 1m, KpiSource.Administrator),
        new(OnTime, KpiGroup.Timeliness, 16, 1m, KpiSource.Product),
        new(AverageTimeReported, KpiGroup.Timeliness, 4, 1m, KpiSource.Product),
        new(ProceduresOfferedOnline, KpiGroup.OnlineService, 4, 0.8m, KpiSource.Product),
        new(OnlineServicesUsed, KpiGroup.OnlineService, 4, 1m, KpiSource.Product),
        new(OnlineDossiers, KpiGroup.OnlineService, 4, 0.5m, KpiSource.Product),
        new(PayableOnline, KpiGroup.OnlinePayment, 3, 0.8m, KpiSource.Product),
        new(ProceduresPaidOnline, KpiGroup.OnlinePayment, 3, 1m, KpiSource.Product),
        new(PaidOnline, KpiGroup.OnlinePayment, 4, 1m, KpiSource.Product),
        new(ElectronicResult, KpiGroup.Digitisation, 6, 1m, KpiSource.Product),
        new(Digitised, KpiGroup.Digitisation, 6, 0.8m, KpiSource.Product),
        new(DataReused, KpiGroup.Digitisation, 5, 0.8m, KpiSource.Administrator),
        new(DocumentStoreUsed, KpiGroup.Digitisation, 5, 1m, KpiSource.Administrator),
        new(FeedbackOnTime, KpiGroup.Satisfaction, 6, 1m, KpiSource.Product),
        new(FeedbackSatisfaction, KpiGroup.Satisfaction, 6, 1m, KpiSource.Product),
        new(NoLateNoComplaint, KpiGroup.Satisfaction, 6, 0.9m, KpiSource.Product),
        // Not scored by Decision 766; the issue asks for it beside the other feedback figures.
        new(FeedbackReopened, KpiGroup.Satisfaction, 0, 1m, KpiSource.Product),
    ];

    public static KpiDefinition? Find(string? key) => All.FirstOrDefault(d => string.Equals(d.Key, key, StringComparison.OrdinalIgnoreCase));

    public static decimal GroupMax(KpiGroup group) => All.Where(d => d.Group == group).Sum(d => d.MaxPoints);
}
