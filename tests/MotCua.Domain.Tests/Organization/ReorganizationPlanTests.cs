using MotCua.Domain.Organization;

namespace MotCua.Domain.Tests.Organization;

public sealed class ReorganizationPlanTests
{
    private static readonly Guid City = Guid.NewGuid(), District = Guid.NewGuid(), WardA = Guid.NewGuid(), WardB = Guid.NewGuid();

    private static readonly UnitSnapshot[] Tree =
    [
        new(City, "000.00.00.H26", "UBND Thành phố", "Thành phố", UnitKind.PeoplesCommittee, null),
        new(District, "000.00.30.H26", "Quận Ba Đình", "Ba Đình", UnitKind.District, City),
        new(WardA, "000.01.30.H26", "Phường Phúc Xá", "Phúc Xá", UnitKind.Ward, District),
        new(WardB, "000.02.30.H26", "Phường Trúc Bạch", "Trúc Bạch", UnitKind.Ward, District),
    ];

    [Fact]
    public void A_merge_into_a_new_unit_is_valid_and_the_tree_after_has_it()
    {
        ReorganizationChange[] changes =
        [
            new OpenUnit("new", "000.03.30.H26", "00004", "Phường Ba Đình", "Ba Đình", UnitKind.Ward, UnitRef.To(District)),
            new CloseUnit(WardA, [new Successor(UnitRef.ToNew("new"))]),
            new CloseUnit(WardB, [new Successor(UnitRef.ToNew("new"))]),
        ];
        Assert.Empty(ReorganizationPlan.Validate(Tree, changes));
        var after = ReorganizationPlan.After(Tree, changes, new Dictionary<string, Guid> { ["new"] = Guid.NewGuid() });
        Assert.Equal(3, after.Count);
        Assert.Contains(after, u => u.Name == "Phường Ba Đình" && u.ParentId == District);
    }

    [Fact]
    public void Renaming_keeps_identity_and_children()
    {
        ReorganizationChange[] changes = [new AmendUnit(District, Name: "Quận Ba Đình mới")];
        Assert.Empty(ReorganizationPlan.Validate(Tree, changes));
        var after = ReorganizationPlan.After(Tree, changes);
        Assert.Equal("Quận Ba Đình mới", after.Single(u => u.Id == District).Name);
        Assert.Equal(2, after.Count(u => u.ParentId == District));
    }

    [Fact]
    public void Closing_a_unit_whose_children_stay_is_refused_at_that_change()
    {
        var errors = ReorganizationPlan.Validate(Tree, [new CloseUnit(District, [new Successor(UnitRef.To(City))])]);
        Assert.Equal(2, errors.Count(e => e.Path == "$.changes[0].unitId"));
    }

    [Fact]
    public void Closing_a_district_with_its_wards_moved_is_valid()
    {
        ReorganizationChange[] changes =
        [
            new AmendUnit(WardA, Parent: UnitRef.To(City)),
            new AmendUnit(WardB, Parent: UnitRef.To(City)),
            new CloseUnit(District, [new Successor(UnitRef.To(WardA), Partial: true), new Successor(UnitRef.To(WardB), Partial: true)]),
        ];
        Assert.Empty(ReorganizationPlan.Validate(Tree, changes));
    }

    [Fact]
    public void Codes_must_stay_unique_after_the_change()
    {
        var errors = ReorganizationPlan.Validate(Tree, [new AmendUnit(WardA, Code: "000.02.30.H26")]);
        Assert.Contains(errors, e => e.Message.Contains("000.02.30.H26", StringComparison.Ordinal));
    }

    [Fact]
    public void A_unit_cannot_end_up_below_itself()
    {
        var errors = ReorganizationPlan.Validate(Tree, [new AmendUnit(District, Parent: UnitRef.To(WardA))]);
        Assert.Contains(errors, e => e.Message.Contains("vòng", StringComparison.Ordinal));
    }

    [Fact]
    public void Successors_and_parents_must_exist_after_the_change()
    {
        var errors = ReorganizationPlan.Validate(Tree,
        [
            new CloseUnit(WardA, [new Successor(UnitRef.ToNew("missing"))]),
            new OpenUnit("x", "000.09.30.H26", null, "Phường X", "X", UnitKind.Ward, UnitRef.To(WardA)),
        ]);
        Assert.Contains(errors, e => e.Path == "$.changes[0].successors[0]");
        Assert.Contains(errors, e => e.Path == "$.changes[1].parent");
    }

    [Fact]
    public void A_unit_changes_once_per_plan_and_unknown_units_are_named()
    {
        var errors = ReorganizationPlan.Validate(Tree,
        [
            new AmendUnit(WardA, Name: "Một"),
            new CloseUnit(WardA, []),
            new AmendUnit(Guid.NewGuid(), Name: "Không có"),
            new AmendUnit(WardB),
        ]);
        Assert.Contains(errors, e => e.Path == "$.changes[1].unitId");
        Assert.Contains(errors, e => e.Path == "$.changes[2].unitId");
        Assert.Contains(errors, e => e.Path == "$.changes[3]");
    }

    [Fact]
    public void An_empty_plan_is_refused()
    {
        Assert.Single(ReorganizationPlan.Validate(Tree, []), e => e.Path == "$.changes");
    }

    [Fact]
    public void The_tree_answers_ancestors_descendants_and_codes()
    {
        var tree = new UnitTree(new DateOnly(2024, 1, 1), Tree);
        Assert.Equal([District, City], tree.AncestorsOf(WardA).Select(u => u.Id));
        Assert.Equal(4, tree.SelfAndDescendants(City).Count());
        Assert.Equal(WardB, tree.FindByCode("000.02.30.H26")!.Id);
        Assert.Equal(2, tree.DepthOf(WardB));
        Assert.Single(tree.Roots);
    }
}
