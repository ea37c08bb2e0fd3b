namespace MotCua.Domain.Insight;

/// <summary>The six groups of Decision 766/QĐ-TTg (2022); their points add up to 100.</summary>
public enum KpiGroup
{
    Transparency,
    Timeliness,
    OnlineService,
    OnlinePayment,
    Digitisation,
    Satisfaction,
}

/// <summary>Where an indicator's figures come from.</summary>
public enum KpiSource
{
    /// <summary>Computed from the product's own dossiers, payments and feedback.</summary>
    Product,
    /// <summary>The data lives outside the product (e.g. the national procedures database): an administrator enters it.</summary>
    Administrator,
}

/// <summary>
/// One indicator: its key (stable, used in addresses and exports), group, points and threshold. Below the threshold it
/// scores <c>rate × max ÷ threshold</c>, at or above it the full points. An indicator with <see cref="MaxPoints"/> 0 is
/// shown but not scored (the feedback reopen rate, which Decision 766 does not score).
/// </summary>
public sealed record KpiDefinition(string Key, KpiGroup Group, decimal MaxPoints, decimal Threshold, KpiSource Source)
{
    public bool IsScored => MaxPoints > 0;
}

/// <summary>How an indicator stands: scored from data, nothing to judge, or an administrator's figure not yet entered.</summary>
public enum KpiState
{
    Scored,
    /// <summary>No dossier or report in the denominator: nothing to judge, full points (a commune with no fee-bearing dossiers is not at fault).</summary>
    NoData,
    /// <summary>An administrator-entered indicator with no figure for the period: no points until it is entered.</summary>
    NotEntered,
}

/// <summary>An indicator's figures for one scope and period, and its points.</summary>
public sealed record KpiScore(KpiDefinition Definition, long Numerator, long Denominator, decimal? Rate, decimal Points, KpiState State);

/// <summary>The scoring rule and the total.</summary>
public static class KpiScoring
{
    /// <summary>Full points at the threshold and above; <c>rate × max ÷ threshold</c> below it.</summary>
    public static decimal Points(decimal rate, decimal maxPoints, decimal threshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threshold);
        if (rate < 0) rate = 0;
        return rate >= threshold ? maxPoints : rate * maxPoints / threshold;
    }

    /// <summary>The rate of a numerator over a denominator, null when there is nothing to divide by.</summary>
    public static decimal? Rate(long numerator, long denominator) => denominator <= 0 ? null : (decimal)numerator / denominator;

    public static KpiScore Score(KpiDefinition definition, long numerator, long denominator, decimal? rate = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var r = rate ?? Rate(numerator, denominator);
        if (r is null)
        {
            var state = definition.Source == KpiSource.Administrator ? KpiState.NotEntered : KpiState.NoData;
            return new KpiScore(definition, numerator, denominator, null, state == KpiState.NoData ? definition.MaxPoints : 0m, state);
        }
        return new KpiScore(definition, numerator, denominator, r, definition.IsScored ? Points(r.Value, definition.MaxPoints, definition.Threshold) : 0m, KpiState.Scored);
    }

    /// <summary>The total out of 100: the sum of every scored indicator's points.</summary>
    public static decimal Total(IEnumerable<KpiScore> scores) => scores.Where(s => s.Definition.IsScored).Sum(s => s.Points);

    /// <summary>Points as shown and exported: two decimals, halves away from zero.</summary>
    public static decimal Shown(decimal points) => Math.Round(points, 2, MidpointRounding.AwayFromZero);
}
