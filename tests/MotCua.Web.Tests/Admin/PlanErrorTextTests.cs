using System.Globalization;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Organization.Admin.Reorganizations;
using MotCua.Web.Infrastructure.Localization;

namespace MotCua.Web.Tests.Admin;

/// <summary>Every rule the domain's plan check writes is recognised and told in English, so no Vietnamese-only message reaches an English page.</summary>
public sealed class PlanErrorTextTests
{
    private static readonly Guid Root = Guid.NewGuid();
    private static readonly Guid Child = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();

    private static readonly UnitSnapshot[] Tree =
    [
        new(Root, "000.00.00.H26", "UBND Thành phố", "Thành phố", UnitKind.PeoplesCommittee, null),
        new(Child, "000.01.60.H26", "Phường Một", "Một", UnitKind.Ward, Root),
        new(Other, "000.02.60.H26", "Phường Hai", "Hai", UnitKind.Ward, Root),
    ];

    public static TheoryData<string> Plans => ["empty", "key", "code", "name", "nothing", "missing", "twice", "parent", "successor", "children", "duplicate", "cycle"];

    private static List<ReorganizationChange> Plan(string name) => name switch
    {
        "empty" => [],
        "key" => [new OpenUnit("", "000.03.60.H26", null, "Phường Ba", "Ba", UnitKind.Ward, UnitRef.To(Root))],
        "code" => [new OpenUnit("a", " ", null, "Phường Ba", "Ba", UnitKind.Ward, UnitRef.To(Root))],
        "name" => [new OpenUnit("a", "000.03.60.H26", null, " ", "Ba", UnitKind.Ward, UnitRef.To(Root))],
        "nothing" => [new AmendUnit(Child)],
        "missing" => [new AmendUnit(Guid.NewGuid(), Name: "X")],
        "twice" => [new AmendUnit(Child, Name: "X"), new AmendUnit(Child, Code: "Y")],
        "parent" => [new AmendUnit(Child, Parent: UnitRef.ToNew("nowhere"))],
        "successor" => [new CloseUnit(Child, [new Successor(UnitRef.To(Child))])],
        "children" => [new CloseUnit(Root, [])],
        "duplicate" => [new AmendUnit(Child, Code: "000.02.60.H26")],
        "cycle" => [new AmendUnit(Root, Parent: UnitRef.To(Child))],
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Plans))]
    public void Each_plan_error_is_told_in_english(string plan)
    {
        var errors = ReorganizationPlan.Validate(Tree, Plan(plan));
        Assert.NotEmpty(errors);
        var localizer = new JsonStringLocalizer(JsonStringLocalizerFactory.Load());
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            foreach (var error in errors)
            {
                var english = PlanErrorText.Localize(error, localizer);
                Assert.NotEqual(error.Message, english);
                Assert.DoesNotContain("admin.", english, StringComparison.Ordinal);
            }
            CultureInfo.CurrentUICulture = new CultureInfo("vi");
            Assert.All(errors, e => Assert.Equal(e.Message, PlanErrorText.Localize(e, localizer)));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Paths_name_the_change_and_its_member()
    {
        Assert.Equal((3, "parent"), PlanErrorText.Parse("$.changes[3].parent"));
        Assert.Equal((0, "successors"), PlanErrorText.Parse("$.changes[0].successors[1]"));
        Assert.Equal((2, (string?)null), PlanErrorText.Parse("$.changes[2]"));
        Assert.Equal(((int?)null, "title"), PlanErrorText.Parse("$.title"));
    }
}
