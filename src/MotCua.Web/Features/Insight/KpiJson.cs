using Microsoft.Extensions.Localization;
using MotCua.Domain.Insight;

namespace MotCua.Web.Features.Insight;

/// <summary>How scorecards are shown in JSON and CSV: rates to four decimals, points to two.</summary>
public static class KpiJson
{
    public static decimal? Rate(decimal? rate) => rate is { } r ? Math.Round(r, 4, MidpointRounding.AwayFromZero) : null;

    public static object Indicator(KpiScore s, IStringLocalizer t) => new
    {
        key = s.Definition.Key,
        name = t["insight.kpi." + s.Definition.Key].Value,
        group = Group(s.Definition.Group),
        source = s.Definition.Source == KpiSource.Product ? "product" : "administrator",
        state = s.State switch { KpiState.Scored => "scored", KpiState.NoData => "no-data", _ => "not-entered" },
        numerator = s.Numerator,
        denominator = s.Denominator,
        rate = Rate(s.Rate),
        threshold = s.Definition.Threshold,
        maxPoints = s.Definition.MaxPoints,
        points = KpiScoring.Shown(s.Points),
    };

    public static IEnumerable<object> Groups(KpiCard card) => Enum.GetValues<KpiGroup>().Select(g => new
    {
        group = Group(g),
        maxPoints = KpiCatalog.GroupMax(g),
        points = KpiScoring.Shown(card.Scores.Where(s => s.Definition.Group == g && s.Definition.IsScored).Sum(s => s.Points)),
    });

    public static string Group(KpiGroup g) => g switch
    {
        KpiGroup.Transparency => "transparency",
        KpiGroup.Timeliness => "timeliness",
        KpiGroup.OnlineService => "online-service",
        KpiGroup.OnlinePayment => "online-payment",
        KpiGroup.Digitisation => "digitisation",
        _ => "satisfaction",
    };

    public static readonly string[] IndicatorHeader = ["key", "name", "group", "source", "state", "numerator", "denominator", "rate", "threshold", "max_points", "points"];

    public static IEnumerable<object?> IndicatorRow(KpiScore s, IStringLocalizer t) =>
    [
        s.Definition.Key, t["insight.kpi." + s.Definition.Key].Value, Group(s.Definition.Group),
        s.Definition.Source == KpiSource.Product ? "product" : "administrator",
        s.State switch { KpiState.Scored => "scored", KpiState.NoData => "no-data", _ => "not-entered" },
        s.Numerator, s.Denominator, Rate(s.Rate), s.Definition.Threshold, s.Definition.MaxPoints, KpiScoring.Shown(s.Points),
    ];
}
