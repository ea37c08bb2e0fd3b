using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Feedback;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Feedback.Reporting;

/// <summary>An open report near a pin, as the public may see it (moderated text, no reporter).</summary>
public sealed record NearbyReport(string Number, string Description, FeedbackStatus Status, DateTimeOffset ReceivedAt, int DistanceMetres);

/// <summary>
/// Open, visible reports of the same category near a place, nearest first: suggested before a citizen files what is
/// probably the same problem. A bounding box on the (latitude, longitude) index narrows the rows; the exact distance
/// (haversine) filters the box's corners out.
/// </summary>
public sealed class NearbyReports(MotCuaDbContext db)
{
    public const int RadiusMetres = 150;
    public const int Limit = 5;
    private const double EarthRadiusMetres = 6_371_000;

    public async Task<IReadOnlyList<NearbyReport>> FindAsync(string category, GeoPoint at, CancellationToken ct)
    {
        if (!at.IsValid) return [];
        var dLat = RadiusMetres / EarthRadiusMetres * 180 / Math.PI;
        var dLng = dLat / Math.Max(Math.Cos(at.Latitude * Math.PI / 180), 0.01);
        double south = at.Latitude - dLat, north = at.Latitude + dLat, west = at.Longitude - dLng, east = at.Longitude + dLng;
        var closed = new[] { FeedbackStatus.Resolved, FeedbackStatus.Rejected, FeedbackStatus.Duplicate };
        var rows = await db.Set<FeedbackReport>().AsNoTracking()
            .Where(r => r.Location!.Latitude >= south && r.Location.Latitude <= north
                && r.Location.Longitude >= west && r.Location.Longitude <= east
                && r.CategoryCode == category && !r.Hidden && !closed.Contains(r.Status))
            .OrderByDescending(r => r.ReceivedAt).Take(50)
            .Select(r => new { r.Number, r.Description, r.PublishedDescription, r.Status, r.ReceivedAt, r.Location!.Latitude, r.Location.Longitude })
            .ToListAsync(ct);
        return [.. rows
            .Select(r => new NearbyReport(r.Number, r.PublishedDescription ?? r.Description, r.Status, r.ReceivedAt,
                (int)Math.Round(DistanceMetres(at, new GeoPoint(r.Latitude, r.Longitude)))))
            .Where(r => r.DistanceMetres <= RadiusMetres)
            .OrderBy(r => r.DistanceMetres).ThenByDescending(r => r.ReceivedAt).Take(Limit)];
    }

    public static double DistanceMetres(GeoPoint a, GeoPoint b)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var h = Math.Pow(Math.Sin(Rad(b.Latitude - a.Latitude) / 2), 2)
            + Math.Cos(Rad(a.Latitude)) * Math.Cos(Rad(b.Latitude)) * Math.Pow(Math.Sin(Rad(b.Longitude - a.Longitude) / 2), 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
