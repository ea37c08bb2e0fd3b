using MotCua.Domain.Insight;

namespace MotCua.Domain.Tests.Insight;

public sealed class KpiScoringTests
{
    [Theory]
    [InlineData(1.0, 4, 0.5, 4.0)]     // above the threshold: full points
    [InlineData(0.5, 4, 0.5, 4.0)]     // at the threshold: full points
    [InlineData(0.25, 4, 0.5, 2.0)]    // below: rate × max ÷ threshold
    [InlineData(0.45, 6, 0.9, 3.0)]
    [InlineData(0.625, 16, 1.0, 10.0)]
    [InlineData(0.0, 6, 0.8, 0.0)]
    public void Full_points_at_the_threshold_and_proportional_below(double rate, int max, double threshold, double expected) =>
        Assert.Equal((decimal)expected, KpiScoring.Points((decimal)rate, max, (decimal)threshold));

    [Fact]
    public void The_groups_add_up_to_one_hundred_as_Decision_766_sets_them()
    {
        Assert.Equal(100m, KpiCatalog.All.Sum(d => d.MaxPoints));
        Assert.Equal(
            [18m, 20m, 12m, 10m, 22m, 18m],
            Enum.GetValues<KpiGroup>().Select(KpiCatalog.GroupMax).ToArray());
        Assert.Equal(KpiCatalog.All.Count, KpiCatalog.All.Select(d => d.Key).Distinct().Count());
    }

    [Fact]
    public void Nothing_to_judge_scores_full_points_and_a_figure_not_entered_scores_none()
    {
        var scores = KpiScorecard.Compute(new KpiCounts(), []).ToDictionary(s => s.Definition.Key);
        Assert.Equal((KpiState.NoData, 16m), (scores[KpiCatalog.OnTime].State, scores[KpiCatalog.OnTime].Points));
        Assert.Equal((KpiState.NotEntered, 0m), (scores[KpiCatalog.ProceduresPublished].State, scores[KpiCatalog.ProceduresPublished].Points));
        // Every product indicator full (O1 and F1 from the catalogue too), every administrator's none: 100 − 6 − 6 − 6 − 5 − 5.
        Assert.Equal((KpiState.NoData, 4m), (scores[KpiCatalog.ProceduresOfferedOnline].State, scores[KpiCatalog.ProceduresOfferedOnline].Points));
        Assert.Equal(72m, KpiScoring.Total(scores.Values));
    }

    [Fact]
    public void Entered_figures_are_summed_over_units_and_months_before_the_rate_is_taken()
    {
        var scores = KpiScorecard.Compute(new KpiCounts(), [new("T1", 40, 50), new("T1", 5, 50), new("D3", 70, 100)]).ToDictionary(s => s.Definition.Key);
        Assert.Equal((45L, 100L, 2.7m), (scores["T1"].Numerator, scores["T1"].Denominator, scores["T1"].Points));
        Assert.Equal(4.375m, scores["D3"].Points); // 70% of an 80% threshold: 0.7 × 5 ÷ 0.8
    }

    [Fact]
    public void The_late_and_complaint_rate_is_taken_from_one_hundred_percent()
    {
        var c = new KpiCounts { Judged = 10, LateOrComplained = 2 };
        var s3 = KpiScorecard.Compute(c, []).Single(s => s.Definition.Key == KpiCatalog.NoLateNoComplaint);
        Assert.Equal((8L, 10L, 0.8m), (s3.Numerator, s3.Denominator, s3.Rate));
        Assert.Equal(6m * 0.8m / 0.9m, s3.Points);
    }

    [Theory]
    [InlineData("2026-03", 202603, 202603, "2026-02")]
    [InlineData("2026-01", 202601, 202601, "2025-12")]
    [InlineData("2026-Q1", 202601, 202603, "2025-Q4")]
    [InlineData("2026-q3", 202607, 202609, "2026-Q2")]
    [InlineData("2026", 202601, 202612, "2025")]
    public void Periods_are_months_quarters_and_years(string text, int first, int last, string previous)
    {
        Assert.True(KpiPeriod.TryParse(text, out var p));
        Assert.Equal((first, last, previous), (p.FirstMonth, p.LastMonth, p.Previous().Text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2026-13")]
    [InlineData("2026-Q5")]
    [InlineData("26-03")]
    [InlineData("1999")]
    public void Bad_periods_are_refused(string text) => Assert.False(KpiPeriod.TryParse(text, out _));
}
