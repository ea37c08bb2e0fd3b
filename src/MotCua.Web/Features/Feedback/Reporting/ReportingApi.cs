using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using MotCua.Domain.Feedback;
using MotCua.Web.Features.Organization.Boundaries;
using MotCua.Web.Infrastructure;
using MotCua.Web.Infrastructure.Persistence;
using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;

namespace MotCua.Web.Features.Feedback.Reporting;

/// <summary>
/// What the reporting page's script asks for: the units' outlines as one GeoJSON layer, and the open reports of a
/// category near the pin as it moves. Both public and read-only.
/// </summary>
public static class ReportingApi
{
    public const string OutlinesPath = "/feedback/outlines.geojson";
    public const string NearbyPath = "/feedback/nearby";
    /// <summary>About 30 m at Hanoi's latitude: invisible at the zoom a city map opens at, and the file shrinks tenfold.</summary>
    public const double SimplifyDegrees = 0.0003;

    public static WebApplication MapFeedbackReporting(this WebApplication app)
    {
        app.MapGet(OutlinesPath, async (HttpContext http, MotCuaDbContext db, IMemoryCache cache, CancellationToken ct) =>
        {
            var newest = await db.Set<UnitBoundary>().MaxAsync(b => (DateTimeOffset?)b.ImportedAt, ct);
            // Rebuilt only when an import changed the outlines; browsers keep it an hour and revalidate by ETag.
            var outlines = (await cache.GetOrCreateAsync($"feedback-outlines:{newest?.UtcTicks}", async entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(6);
                return await BuildOutlinesAsync(db, ct);
            }))!;
            http.Response.Headers.CacheControl = "public, max-age=3600";
            http.Response.Headers.ETag = outlines.ETag;
            if (http.Request.Headers.IfNoneMatch == outlines.ETag) return Results.StatusCode(StatusCodes.Status304NotModified);
            return Results.Bytes(outlines.Json, "application/geo+json");
        }).AllowAnonymous().RequireRateLimiting(PublicRateLimits.PublicApi);

        app.MapGet(NearbyPath, async (string? category, string? lat, string? lng, FeedbackCategories categories, NearbyReports nearby,
            Microsoft.Extensions.Localization.IStringLocalizer<MotCuaOptions> t, CancellationToken ct) =>
        {
            if (await categories.FindAsync(category, ct) is null) return Problem("category", "Chọn một loại phản ánh trong danh sách.");
            if (ReportForm.ParsePoint(lat, lng) is not { IsValid: true } at) return Problem("lat", "Vị trí không hợp lệ.");
            var found = await nearby.FindAsync(category!, at, ct);
            return Results.Json(found.Select(r => new
            {
                number = r.Number, description = r.Description, status = t[$"feedback.status.{r.Status}"].Value, distance = r.DistanceMetres,
                url = $"/feedback/{r.Number}",
            }));
        }).AllowAnonymous().RequireRateLimiting(PublicRateLimits.PublicApi);
        return app;
    }

    private static IResult Problem(string field, string message) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: message, extensions: new Dictionary<string, object?> { ["field"] = field });

    private sealed record Outlines(byte[] Json, string ETag);

    private static async Task<Outlines> BuildOutlinesAsync(MotCuaDbContext db, CancellationToken ct)
    {
        var rows = await db.Set<UnitBoundary>().AsNoTracking().Select(b => new { b.UnitId, b.Geometry }).ToListAsync(ct);
        var names = await UnitNames.ForAsync(db, rows.Select(r => r.UnitId), ct);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");
            w.WriteStartArray("features");
            // Largest first, so that the smaller units are drawn on top and take the clicks and tooltips.
            foreach (var (row, geometry) in rows.Select(r => (r, JsonSerializer.Deserialize<Geometry>(r.Geometry, BoundaryImport.GeoJson)!))
                         .OrderByDescending(x => x.Item2.Area))
            {
                w.WriteStartObject();
                w.WriteString("type", "Feature");
                w.WritePropertyName("geometry");
                w.WriteRawValue(JsonSerializer.Serialize(Round(TopologyPreservingSimplifier.Simplify(geometry, SimplifyDegrees)), BoundaryImport.GeoJson));
                w.WriteStartObject("properties");
                w.WriteString("name", names.GetValueOrDefault(row.UnitId, ""));
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        var json = buffer.ToArray();
        return new Outlines(json, $"\"{Convert.ToHexString(SHA256.HashData(json))[..32]}\"");
    }

    /// <summary>Five decimals (about a metre): the file carries no false precision.</summary>
    private static Geometry Round(Geometry g)
    {
        var copy = g.Copy();
        copy.Apply(new RoundFilter());
        copy.GeometryChanged();
        return copy;
    }

    private sealed class RoundFilter : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            seq.SetX(i, Math.Round(seq.GetX(i), 5));
            seq.SetY(i, Math.Round(seq.GetY(i), 5));
        }
    }

    public static string Coordinate(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
