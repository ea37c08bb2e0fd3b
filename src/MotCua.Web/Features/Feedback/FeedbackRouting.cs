using MotCua.Domain.Feedback;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Organization.Boundaries;

namespace MotCua.Web.Features.Feedback;

/// <summary>Where a report goes: the unit the pin falls in, crossed with the category's responsibility.</summary>
public sealed record Routed(Guid? LocatedUnitId, Guid HandlingUnitId);

/// <summary>
/// The pin's unit is the smallest outline holding it, answered today by that unit or its successor (a 2019 district's
/// place by the 2025 commune that took its work); a category answered locally goes there, one answered by a named
/// department goes to it wherever the pin is. Without a pin (an address only) or without a local unit, the city's
/// People's Committee receives it, and its dispatchers send it on.
/// </summary>
public sealed class FeedbackRouting(BoundaryIndex boundaries, UnitDirectory units)
{
    /// <summary>Null when the pin is outside every outline: not this city's to answer.</summary>
    public async Task<Routed?> RouteAsync(FeedbackCategory category, GeoPoint? pin, CancellationToken ct)
    {
        var today = await units.TodayAsync(ct);
        Guid? located = null;
        if (pin is not null)
        {
            var hits = await boundaries.LocateAsync(pin.Latitude, pin.Longitude, today.Day, ct);
            if (hits.Count == 0) return null;
            located = hits.Select(h => h.TodayUnitId).FirstOrDefault(id => today.Find(id) is not null);
        }
        var city = today.Roots.FirstOrDefault(r => r.Kind == UnitKind.PeoplesCommittee) ?? today.Roots[0];
        var handler = category.Responsibility.Level switch
        {
            ResponsibleLevel.Named when category.Responsibility.UnitCode is { } code && today.FindByCode(code) is { } named => named.Id,
            ResponsibleLevel.Local when located is { } here && today.Find(here)!.Id != city.Id => here,
            _ => city.Id,
        };
        return new Routed(located, handler);
    }
}
