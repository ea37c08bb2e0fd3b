using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Organization.Boundaries;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Organization;

/// <summary>The seeded 2019 outlines, point in polygon, today's unit for a closed district, and imports that fail whole.</summary>
public sealed class BoundaryTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    private Task<IReadOnlyList<BoundaryHit>> LocateAsync(double lat, double lon) => factory.WithScopeAsync(async sp =>
        await sp.GetRequiredService<BoundaryIndex>().LocateAsync(lat, lon, sp.GetRequiredService<UnitDirectory>().Today));

    private Task<string> NameOnAsync(Guid unit, DateOnly day) => factory.WithScopeAsync(async sp =>
        (await sp.GetRequiredService<UnitDirectory>().OnAsync(day)).Find(unit)!.Name);

    [Fact]
    public async Task Hoan_Kiem_Lake_is_in_Hoan_Kiem_and_the_city_and_today_Hoan_Kiem_ward_answers_for_it()
    {
        Assert.Equal(31, await factory.WithDbAsync(db => db.Set<UnitBoundary>().CountAsync()));
        var hits = await LocateAsync(21.0285, 105.8522);

        Assert.Equal(2, hits.Count);
        Assert.Equal("Quận Hoàn Kiếm", await NameOnAsync(hits[0].BoundaryUnitId, new DateOnly(2024, 6, 1)));
        Assert.Equal("Phường Hoàn Kiếm", await factory.WithScopeAsync(async sp =>
            (await sp.GetRequiredService<UnitDirectory>().TodayAsync()).Find(hits[0].TodayUnitId)!.Name));
        Assert.True(hits[0].AreaSquareDegrees < hits[1].AreaSquareDegrees);
    }

    [Fact]
    public async Task Places_outside_the_city_fall_in_no_outline_and_the_west_falls_in_its_own_district()
    {
        Assert.Empty(await LocateAsync(20.8449, 106.6881));     // Hải Phòng
        var sonTay = await LocateAsync(21.1383, 105.5050);       // the old town of Sơn Tây
        Assert.Equal("Thị xã Sơn Tây", await NameOnAsync(sonTay[0].BoundaryUnitId, new DateOnly(2024, 6, 1)));
    }

    [Theory]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"999\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[105,21],[106,21],[106,22],[105,21]]]}}]}", "không có đơn vị nào mang mã này")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"002\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[105,21],[106,22],[106,21],[105,22],[105,21]]]}}]}", "tự cắt")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"002\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[105.85,21.03]}}]}", "Polygon hoặc MultiPolygon")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"002\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[105850,21],[106,21],[106,22],[105850,21]]]}}]}", "WGS 84")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[105,21],[106,21],[106,22],[105,21]]]}}]}", "thiếu thuộc tính \"code\"")]
    [InlineData("not json", "không phải GeoJSON")]
    [InlineData("{\"type\":\"FeatureCollection\",\"features\":[]}", "không có đối tượng")]
    public async Task A_bad_file_is_refused_whole_with_the_feature_named_and_nothing_changes(string json, string problem)
    {
        var before = await factory.WithDbAsync(db => db.Set<UnitBoundary>().AsNoTracking().OrderBy(b => b.UnitId).Select(b => b.Geometry).ToListAsync());
        // A good feature first: it must not be written either.
        var withGood = json.Replace("\"features\":[{", "\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"001\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[105,21],[106,21],[106,22],[105,21]]]}},{", StringComparison.Ordinal);
        var result = await ImportAsync(withGood);

        Assert.False(result.Ok);
        Assert.Contains(result.Problems, p => p.Contains(problem, StringComparison.Ordinal));
        Assert.Equal(before, await factory.WithDbAsync(db => db.Set<UnitBoundary>().AsNoTracking().OrderBy(b => b.UnitId).Select(b => b.Geometry).ToListAsync()));
    }

    [Fact]
    public async Task A_new_outline_replaces_the_old_one_and_the_index_sees_it_at_once()
    {
        // Ba Đình (001) redrawn as a small square around a point in the Red River, far from its real outline.
        const double lat = 21.2, lon = 105.95;
        Assert.DoesNotContain(await LocateAsync(lat, lon), h => h.AreaSquareDegrees < 0.001);
        var original = await factory.WithDbAsync(db => db.Set<UnitBoundary>().AsNoTracking()
            .Join(db.Units, b => b.UnitId, u => u.Id, (b, u) => new { u.AdministrativeCode, b.Geometry }).SingleAsync(x => x.AdministrativeCode == "001"));

        var result = await ImportAsync("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"001\"},\"geometry\":" +
            "{\"type\":\"Polygon\",\"coordinates\":[[[105.949,21.199],[105.951,21.199],[105.951,21.201],[105.949,21.201],[105.949,21.199]]]}}]}");
        Assert.True(result.Ok, string.Join("; ", result.Problems));
        Assert.Contains(await LocateAsync(lat, lon), h => h.AreaSquareDegrees < 0.001);

        var restored = await ImportAsync("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"001\"},\"geometry\":" + original.Geometry + "}]}");
        Assert.True(restored.Ok, string.Join("; ", restored.Problems));
        Assert.DoesNotContain(await LocateAsync(lat, lon), h => h.AreaSquareDegrees < 0.001);
    }

    private Task<BoundaryImportResult> ImportAsync(string json) => factory.WithScopeAsync(async sp =>
    {
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return await sp.GetRequiredService<BoundaryImport>().ImportAsync(stream, "test", CancellationToken.None);
    });
}
