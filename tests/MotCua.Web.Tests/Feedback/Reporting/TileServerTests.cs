using Microsoft.AspNetCore.Hosting;
using MotCua.Web.Features.Feedback.Reporting;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Feedback.Reporting;

/// <summary>A host with a tile server configured for the feedback map.</summary>
public sealed class TileServerFactory : MotCuaFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("MotCua:Feedback:TileUrl", "https://{s}.tiles.hanoi.example.vn/osm/{z}/{x}/{y}.png");
        builder.UseSetting("MotCua:Feedback:TileAttribution", "© OpenStreetMap");
    }
}

/// <summary>The tile server is a setting: its origin, and only it, is added to the CSP's img-src, and the maps are told of it.</summary>
public sealed class TileServerTests(TileServerFactory factory) : IClassFixture<TileServerFactory>
{
    [Theory]
    [InlineData("https://tile.example.vn/{z}/{x}/{y}.png", "https://tile.example.vn")]
    [InlineData("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", "https://*.tile.openstreetmap.org")]
    [InlineData("http://localhost:8080/tiles/{z}/{x}/{y}.png", "http://localhost:8080")]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("/tiles/{z}/{x}/{y}.png", null)]
    [InlineData("javascript:alert(1)//", null)]
    [InlineData("https://a.example.vn; script-src */{z}.png", null)]
    public void The_origin_of_a_tile_template(string? template, string? origin) => Assert.Equal(origin, ReportingOptions.TileOrigin(template));

    [Fact]
    public async Task The_configured_tile_server_may_serve_images_and_the_maps_know_its_address()
    {
        using var client = StaffClient.Anonymous(factory);
        var response = await client.GetAsync("/feedback/report?category=chieu-sang");
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("img-src 'self' data: https://*.tiles.hanoi.example.vn;", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-tiles=\"https://{s}.tiles.hanoi.example.vn/osm/{z}/{x}/{y}.png\"", html, StringComparison.Ordinal);
        Assert.Matches("data-attribution=\"[^\"]+ OpenStreetMap\"", html);
    }
}
