using MotCua.Domain.Insight;

namespace MotCua.Web.Features.Insight.Data;

/// <summary>The counters of one unit in one month (the month a dossier or report was received); quarters, years, levels and the city are sums of these.</summary>
public sealed class KpiUnitMonth
{
    public Guid UnitId { get; set; }
    public int Month { get; set; }
    public KpiCounts Counts { get; set; } = new();
}

/// <summary>
/// Per unit, month and procedure: what the distinct-procedure indicators (O2, F2) need, since "procedures that received
/// an online dossier" does not add up across units or months and must be counted over these rows. The rows of
/// <see cref="City"/> sum every unit's, for the city's scorecard.
/// </summary>
public sealed class KpiProcedureMonth
{
    /// <summary>The unit of the whole city's rows: every unit's rows of a month and procedure summed.</summary>
    public static readonly Guid City = Guid.Empty;

    public Guid UnitId { get; set; }
    public int Month { get; set; }
    public required string ProcedureCode { get; set; }
    public int Dossiers { get; set; }
    public int Online { get; set; }
    public int FeeBearing { get; set; }
    public int PaidOnline { get; set; }
}

/// <summary>
/// The distinct-procedure counts (O2, F2) of one scope over one whole period (a month, a quarter or a year), so that a
/// level, the city or a unit ranked among many reads one row instead of counting distinct procedures over thousands of
/// unit × month × procedure rows. The scope is a unit's id, "level:" and a level (its units as of the period's last
/// day) or <see cref="CityScope"/>; the period its first and last months ("202601-202612"). Recomputed for every month,
/// quarter and year a refresh round touched (docs/adr/0029).
/// </summary>
public sealed class KpiProcedureCount
{
    public const string CityScope = "all";

    public static string LevelScope(string level) => "level:" + level;

    public static string PeriodKey(KpiPeriod period) => $"{period.FirstMonth}-{period.LastMonth}";

    public required string Scope { get; set; }
    public required string Period { get; set; }
    public int Procedures { get; set; }
    public int UsedOnline { get; set; }
    public int FeeBearing { get; set; }
    public int PaidOnline { get; set; }
}

/// <summary>
/// How far the refresh has read the changes: dossier events, payments and feedback reports up to these instants.
/// One row; its version is bumped first thing in a round, so two instances never run a round at once.
/// </summary>
public sealed class KpiWatermark
{
    public const string Main = "kpi";

    public required string Name { get; set; }
    public DateTimeOffset DossiersAt { get; set; }
    public DateTimeOffset PaymentsAt { get; set; }
    public DateTimeOffset FeedbackAt { get; set; }
    public long Version { get; set; }
    public DateTimeOffset? LastRunAt { get; set; }
}

/// <summary>An administrator's figure for an indicator whose data lives outside the product, for one unit and month.</summary>
public sealed class KpiEnteredValue
{
    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public int Month { get; set; }
    public required string Key { get; set; }
    public long Numerator { get; set; }
    public long Denominator { get; set; }
    public required string EnteredBy { get; set; }
    public DateTimeOffset EnteredAt { get; set; }
}
