using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Insight;
using MotCua.Web.Features.Insight;
using MotCua.Web.Features.Insight.Data;

namespace MotCua.Web.Tests.Insight;

/// <summary>
/// Every indicator of the hand-computed month, to the exact value (docs/kpis.md works each one out), and the refresh's
/// promises: a second run changes nothing, and two instances running at once count each dossier once.
/// </summary>
[Collection(KpiCollection.Name)]
public sealed class KpiFixtureTests(KpiFactory factory)
{
    private static readonly KpiPeriod March = KpiPeriod.Month(2026, 3);

    private async Task<KpiCard> CardAsync(Guid unit) =>
        await factory.WithScopeAsync(sp => sp.GetRequiredService<KpiReader>().CardAsync([unit], March, CancellationToken.None));

    private Task<Dictionary<Guid, DossierKpiFact>> FactsAsync() =>
        factory.WithDbAsync(db => db.Set<DossierKpiFact>().AsNoTracking().ToDictionaryAsync(x => x.DossierId));

    [Fact]
    public async Task Each_dossier_is_judged_as_the_national_KPI_judges_it()
    {
        var fx = await factory.FixtureAsync();
        var facts = await FactsAsync();
        KpiOutcome Outcome(string letter) => facts[fx.Dossiers[letter]].Outcome;
        Assert.Equal(KpiOutcome.Early, Outcome("A"));
        Assert.Equal(KpiOutcome.OnTime, Outcome("B"));
        Assert.Equal(KpiOutcome.Late, Outcome("C"));
        Assert.Equal(KpiOutcome.OnTime, Outcome("D"));
        Assert.Equal(KpiOutcome.Late, Outcome("E"));
        Assert.Equal(KpiOutcome.None, Outcome("F"));
        Assert.Equal(KpiOutcome.None, Outcome("G"));
        Assert.Equal(KpiOutcome.OpenInTime, Outcome("H"));
        Assert.Equal(KpiOutcome.OpenOverdue, Outcome("I"));
        Assert.Equal(KpiOutcome.Early, Outcome("J"));
        // D ended after its original due date: only the supplement pause taken out makes it on time.
        var d = await KpiFixture.LoadAsync(factory, fx.Dossiers["D"]);
        Assert.True(d.ProcessingFinishedAt > d.DueAt);
        Assert.True(facts[fx.Dossiers["F"]].RefusedAtReception);
        Assert.False(facts[fx.Dossiers["F"]].Received);
        Assert.True(facts[fx.Dossiers["G"]].Withdrawn);
        Assert.True(facts[fx.Dossiers["H"]].PaidOnline);
        Assert.True(facts[fx.Dossiers["I"]].PaidAtCounter);
        Assert.Equal(2, facts[fx.Dossiers["E"]].SupplementRequests);
        // The due instants the overdue lists sort by: open ones only (I overdue, H in time with its due date), none once ended.
        var i = await KpiFixture.LoadAsync(factory, fx.Dossiers["I"]);
        Assert.Equal(i.DueAtAdjusted ?? i.DueAt, facts[fx.Dossiers["I"]].DueAt);
        Assert.Equal(facts[fx.Dossiers["H"]].OpenDueAt, facts[fx.Dossiers["H"]].DueAt);
        Assert.NotNull(facts[fx.Dossiers["H"]].DueAt);
        Assert.All(new[] { "A", "B", "C", "D", "E", "F", "G", "J" }, x => Assert.Null(facts[fx.Dossiers[x]].DueAt));
    }

    [Fact]
    public async Task Every_indicator_of_the_month_has_its_hand_computed_value()
    {
        var fx = await factory.FixtureAsync();
        var card = await CardAsync(fx.Unit);
        var c = card.Counts;
        Assert.Equal(
            (9L, 8L, 2L, 2L, 2L, 1L, 1L, 1L, 6L, 4L),
            (c.Received, c.Judged, c.Early, c.OnTime, c.Late, c.OpenInTime, c.OpenOverdue, c.Withdrawn, c.Finished, c.ElectronicResult));
        Assert.Equal((7L, 5L, 2L, 0L, 0L), (c.Online, c.OnlineFull, c.Counter, c.Post, c.Digitised));
        Assert.Equal((2L, 1L, 1L, 1L, 4L, 1L), (c.FeeBearing, c.PaidOnline, c.PaidAtCounter, c.NegativeRating, c.LateOrComplained, c.RefusedAtReception));
        Assert.Equal((1L, 1L, 1L, 1L), (c.ProceduresWithDossiers, c.ProceduresUsedOnline, c.ProceduresFeeBearing, c.ProceduresPaidOnline));
        Assert.Equal((4L, 1L, 1L, 2L, 1L, 1L), (c.FeedbackReceived, c.FeedbackOnTime, c.FeedbackOpenInTime, c.FeedbackRated, c.FeedbackSatisfied, c.FeedbackReopened));

        var s = card.Scores.ToDictionary(x => x.Definition.Key);
        void Is(string key, long n, long den, decimal points, KpiState state = KpiState.Scored)
        {
            Assert.Equal((key, n, den, state), (key, s[key].Numerator, s[key].Denominator, s[key].State));
            Assert.Equal(points, KpiScoring.Shown(s[key].Points));
        }
        Is(KpiCatalog.OnTime, 5, 8, 10m);                 // 5/8 × 16
        Is(KpiCatalog.AverageTimeReported, 1, 1, 4m);
        Is(KpiCatalog.OnlineServicesUsed, 1, 1, 4m);
        Is(KpiCatalog.OnlineDossiers, 5, 9, 4m);          // 55.6% ≥ 50%
        Is(KpiCatalog.ProceduresPaidOnline, 1, 1, 3m);
        Is(KpiCatalog.PaidOnline, 1, 2, 2m);              // 1/2 × 4
        Is(KpiCatalog.ElectronicResult, 4, 6, 4m);        // 4/6 × 6
        Is(KpiCatalog.Digitised, 0, 9, 0m);
        Is(KpiCatalog.FeedbackOnTime, 2, 4, 3m);          // 2/4 × 6
        Is(KpiCatalog.FeedbackSatisfaction, 1, 2, 3m);    // 1/2 × 6
        Is(KpiCatalog.NoLateNoComplaint, 4, 8, 3.33m);    // 0.5 × 6 ÷ 0.9
        Is(KpiCatalog.FeedbackReopened, 1, 4, 0m);        // shown, not scored
        // From the bundled catalogue (144 procedures published on 2 March), those a commune-level unit implements: 124, of
        // which 28 fully online with an online form; 29 with a fee, 20 of them filed (and so paid) online.
        Assert.Equal((124L, 28L, 29L, 20L), (c.CatalogProcedures, c.CatalogFullyOnline, c.CatalogFeeBearing, c.CatalogPayableOnline));
        Is(KpiCatalog.ProceduresOfferedOnline, 28, 124, 1.13m); // 28/124 × 4 ÷ 0.8
        Is(KpiCatalog.PayableOnline, 20, 29, 2.59m);             // 20/29 × 3 ÷ 0.8
        foreach (var key in new[] { "T1", "T2", "T3", "D3", "D4" }) Is(key, 0, 0, 0m, KpiState.NotEntered);
        Assert.Equal(44.05m, KpiScoring.Shown(card.Total));
        Assert.Equal(100m, KpiCatalog.All.Sum(x => x.MaxPoints));
    }

    [Fact]
    public async Task A_second_run_changes_nothing_and_two_instances_at_once_count_each_change_once()
    {
        var fx = await factory.FixtureAsync();
        var before = await factory.WithDbAsync(db => db.Set<KpiUnitMonth>().AsNoTracking().Where(r => r.UnitId == fx.Unit).Select(r => r.Counts).SingleAsync());
        Assert.Equal(0, await factory.RefreshAsync());
        await Task.WhenAll(factory.RefreshAsync(), factory.RefreshAsync());
        var after = await factory.WithDbAsync(db => db.Set<KpiUnitMonth>().AsNoTracking().Where(r => r.UnitId == fx.Unit).Select(r => r.Counts).SingleAsync());
        Assert.Equal(before, after);
        Assert.Equal(10, await factory.WithDbAsync(db => db.Set<DossierKpiFact>().CountAsync(x => x.UnitId == fx.Unit)));
    }
}
