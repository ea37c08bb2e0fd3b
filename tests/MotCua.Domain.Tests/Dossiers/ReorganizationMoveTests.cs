using MotCua.Domain.Dossiers;
using static MotCua.Domain.Tests.Dossiers.DossierTestKit;

namespace MotCua.Domain.Tests.Dossiers;

public class ReorganizationMoveTests
{
    private static readonly Guid Successor = Guid.Parse("00000000-0000-0000-0000-0000000000ff");

    [Fact]
    public void An_open_dossier_and_its_open_tasks_follow_the_successor_unit()
    {
        var dossier = Accepted(At(9, 9));
        var version = dossier.Version;
        var code = dossier.Code;

        Assert.True(dossier.MoveToSuccessorUnit(Ward, Successor, "Nghị quyết 1656/NQ-UBTVQH15", At(10, 0)));

        Assert.Equal(Successor, dossier.ReceivingUnitId);
        Assert.Equal(Successor, dossier.MainTask!.UnitId);
        Assert.Equal(code, dossier.Code);
        Assert.Equal(version + 1, dossier.Version);
        var last = dossier.Events[^1];
        Assert.Equal(DossierEventType.UnitReorganized, last.Type);
        Assert.Equal(DossierStatus.Processing, last.ToStatus);
        Assert.Contains(dossier.PublicHistory(), h => h.Text.Contains("sắp xếp lại", StringComparison.Ordinal));
    }

    [Fact]
    public void A_closed_dossier_or_one_elsewhere_does_not_move()
    {
        var refused = Submitted(At(9, 8));
        refused.Refuse("Không thuộc thẩm quyền", Officer, At(9, 9));
        Assert.False(refused.MoveToSuccessorUnit(Ward, Successor, "Sắp xếp", At(10, 0)));
        Assert.Equal(Ward, refused.ReceivingUnitId);

        var elsewhere = Accepted(At(9, 9));
        Assert.False(elsewhere.MoveToSuccessorUnit(City, Successor, "Sắp xếp", At(10, 0)));
    }
}
