using MotCua.Domain.Organization;

namespace MotCua.Web.Features.Audit;

/// <summary>The units a reorganisation touches: those amended or closed, and the parents of those opened.</summary>
public static class ReorganizationRecords
{
    public static IReadOnlyCollection<Guid> Units(IEnumerable<ReorganizationChange> changes) =>
        [.. changes.Select(c => c switch
        {
            AmendUnit a => a.UnitId,
            CloseUnit x => x.UnitId,
            OpenUnit o => o.Parent?.Existing ?? Guid.Empty,
            _ => Guid.Empty,
        }).Where(u => u != Guid.Empty).Distinct()];
}
