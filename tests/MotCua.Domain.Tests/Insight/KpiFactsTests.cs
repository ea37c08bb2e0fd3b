using MotCua.Domain.Organization;
using MotCua.Domain.Insight;

namespace MotCua.Domain.Tests.Insight;

public sealed class KpiFactsTests
{
    [Fact]
    public void Counts_add_up_field_by_field()
    {
        var a = new KpiCounts { Received = 3, Early = 1, FeedbackReopened = 2, LateOrComplained = 1 };
        var b = new KpiCounts { Received = 4, Early = 2, FeedbackReopened = 1, FinishedMinutes = 2880, Finished = 1 };
        var sum = KpiCounts.Sum([a, b]);
        Assert.Equal((7L, 3L, 3L, 1L), (sum.Received, sum.Early, sum.FeedbackReopened, sum.LateOrComplained));
        Assert.Equal(2m, sum.AverageProcessingDays);
    }

    [Theory]
    [InlineData(UnitKind.PeoplesCommittee, KpiLevels.City)]
    [InlineData(UnitKind.Department, KpiLevels.City)]
    [InlineData(UnitKind.ServiceCenter, KpiLevels.City)]
    [InlineData(UnitKind.District, KpiLevels.District)]
    [InlineData(UnitKind.Ward, KpiLevels.Commune)]
    [InlineData(UnitKind.Commune, KpiLevels.Commune)]
    [InlineData(UnitKind.Township, KpiLevels.Commune)]
    public void Levels_follow_the_units_kind(UnitKind kind, string level) => Assert.Equal(level, KpiLevels.Of(kind));
}
