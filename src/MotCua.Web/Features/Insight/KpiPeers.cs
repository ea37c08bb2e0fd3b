using MotCua.Domain.Insight;

namespace MotCua.Web.Features.Insight;

/// <summary>A unit among its peers: the units of its level within the caller's reach, ranked by total.</summary>
public sealed record KpiPeerStanding(string Level, int Rank, int Of, decimal Average, decimal Best, IReadOnlyList<KeyValuePair<Guid, decimal>> Ranked);

public static class KpiPeers
{
    /// <summary>
    /// Where a unit stands among the units of its level (as on the period's last day) within reach, those with figures
    /// in the period; null when the scope is not one unit or the unit has no figures.
    /// </summary>
    public static async Task<KpiPeerStanding?> OfAsync(KpiScopes scopes, KpiReader reader, KpiScope scope, KpiPeriod period, CancellationToken ct)
    {
        if (scope.UnitId is not { } id || scope.Names.GetValueOrDefault(id) is not { } unit) return null;
        var (peerScope, _) = await scopes.ResolveAsync(null, unit.Level, period, ct);
        if (peerScope is null) return null;
        var peers = (await reader.PerUnitAsync(peerScope.Units, period, ct)).OrderByDescending(p => p.Value.Total).ToList();
        var rank = peers.FindIndex(p => p.Key == id);
        return rank < 0 ? null : new KpiPeerStanding(unit.Level, rank + 1, peers.Count, peers.Average(p => p.Value.Total), peers[0].Value.Total,
            [.. peers.Select(p => KeyValuePair.Create(p.Key, p.Value.Total))]);
    }
}
