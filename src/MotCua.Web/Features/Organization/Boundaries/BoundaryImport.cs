using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Audit;
using MotCua.Web.Infrastructure.Persistence;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace MotCua.Web.Features.Organization.Boundaries;

public sealed record BoundaryImportResult(int Imported, IReadOnlyList<string> Problems)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>
/// Imports unit outlines from a GeoJSON FeatureCollection: each feature's <c>properties.code</c> names the unit by its
/// statistical code (GSO, e.g. "002") or its electronic identifier (e.g. "000.00.31.H26"). All or nothing: a feature
/// that names no unit, or whose geometry is not a valid (multi)polygon in WGS 84, stops the import and is named.
/// </summary>
public sealed class BoundaryImport(MotCuaDbContext db, IAuditLog audit, BoundaryIndex index, TimeProvider clock)
{
    public const long MaxBytes = 50 * 1024 * 1024;

    public static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    public async Task<BoundaryImportResult> ImportAsync(Stream json, string source, CancellationToken ct)
    {
        FeatureCollection? features;
        try { features = await JsonSerializer.DeserializeAsync<FeatureCollection>(json, GeoJson, ct); }
        catch (JsonException e) { return Fail($"Tệp không phải GeoJSON hợp lệ: {e.Message}"); }
        catch (ArgumentException e) { return Fail($"Tệp không phải GeoJSON hợp lệ: {e.Message}"); }
        if (features is null || features.Count == 0) return Fail("Tệp không có đối tượng (feature) nào.");

        var units = await UnitsByCodeAsync(ct);
        var problems = new List<string>();
        var outlines = new Dictionary<Guid, Geometry>();
        for (var i = 0; i < features.Count; i++)
        {
            var f = features[i];
            var label = string.Create(CultureInfo.InvariantCulture, $"Đối tượng {i + 1}");
            var code = f.Attributes?.Exists("code") == true ? Convert.ToString(f.Attributes["code"], CultureInfo.InvariantCulture) : null;
            if (string.IsNullOrWhiteSpace(code)) { problems.Add($"{label}: thiếu thuộc tính \"code\"."); continue; }
            label += $" (mã {code})";
            if (!units.TryGetValue(code, out var unit)) { problems.Add($"{label}: không có đơn vị nào mang mã này."); continue; }
            if (Problem(f.Geometry) is { } problem) { problems.Add($"{label}: {problem}"); continue; }
            if (!outlines.TryAdd(unit, f.Geometry!)) problems.Add($"{label}: đơn vị này có hơn một ranh giới trong tệp.");
        }
        if (problems.Count > 0) return new BoundaryImportResult(0, problems);

        var now = clock.GetUtcNow();
        var existing = await db.Set<UnitBoundary>().Where(b => outlines.Keys.Contains(b.UnitId)).ToDictionaryAsync(b => b.UnitId, ct);
        foreach (var (unit, geometry) in outlines)
        {
            var text = JsonSerializer.Serialize(geometry, GeoJson);
            if (existing.TryGetValue(unit, out var row)) (row.Geometry, row.Source, row.ImportedAt) = (text, source, now);
            else db.Add(new UnitBoundary { UnitId = unit, Geometry = text, Source = source, ImportedAt = now });
        }
        audit.Stage(new AuditRecord("unit.boundaries-imported", new AuditObject("unit-boundaries", null, source), [.. outlines.Keys],
            string.Create(CultureInfo.InvariantCulture, $"{outlines.Count} ranh giới")));
        await db.SaveChangesAsync(ct);
        index.Invalidate();
        return new BoundaryImportResult(outlines.Count, []);
    }

    private static BoundaryImportResult Fail(string problem) => new(0, [problem]);

    private static string? Problem(Geometry? g) => g switch
    {
        null => "thiếu hình học (geometry).",
        not (Polygon or MultiPolygon) => $"ranh giới phải là Polygon hoặc MultiPolygon, không phải {g.GeometryType}.",
        _ when g.IsEmpty => "ranh giới rỗng.",
        _ when g.Coordinates.Any(c => c.X is < -180 or > 180 || c.Y is < -90 or > 90) => "toạ độ nằm ngoài WGS 84 (kinh độ, vĩ độ theo độ).",
        _ when !g.IsValid => "ranh giới tự cắt hoặc không khép kín.",
        _ => null,
    };

    /// <summary>Statistical codes and every electronic identifier a unit ever had.</summary>
    private async Task<Dictionary<string, Guid>> UnitsByCodeAsync(CancellationToken ct)
    {
        var codes = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var u in await db.Units.AsNoTracking().Where(u => u.AdministrativeCode != null).Select(u => new { u.Id, u.AdministrativeCode }).ToListAsync(ct))
            codes.TryAdd(u.AdministrativeCode!, u.Id);
        foreach (var v in await db.UnitVersions.AsNoTracking().Select(v => new { v.UnitId, v.Code }).ToListAsync(ct))
            codes.TryAdd(v.Code, v.UnitId);
        return codes;
    }
}
