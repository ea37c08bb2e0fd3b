using System.Net;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Insight;

/// <summary>The dashboard and the public statistics page on the fixture's month: server-rendered, no inline style or script.</summary>
[Collection(KpiCollection.Name)]
public sealed class KpiPagesTests(KpiFactory factory)
{
    [Fact]
    public async Task The_dashboard_shows_the_scorecard_trend_and_ranking_to_those_who_oversee_the_unit()
    {
        var fx = await factory.FixtureAsync();
        using var city = await StaffClient.SignInAsync(factory, "giamsat@motcua.demo");
        var html = WebUtility.HtmlDecode(await city.GetPageAsync($"/staff/kpis?period=2026-03&unit={fx.Unit}"));
        Assert.Contains("Tổng điểm 44.05/100", html, StringComparison.Ordinal);
        Assert.Contains("Xếp thứ 1/", html, StringComparison.Ordinal);
        Assert.Contains("<title id=\"peers-title\">", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        // The trend as lines (March the only month with dossiers: a single point each), the same figures as a table.
        Assert.Contains("<desc id=\"trend-desc\">", html, StringComparison.Ordinal);
        Assert.Contains("<circle cx=\"", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">03/2026</th><td>44.05</td><td>62.5</td><td>55.6</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">02/2026</th><td>–</td><td>–</td><td>–</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("10/16", html, StringComparison.Ordinal);
        Assert.Contains($"/api/v1/kpis/drilldown?indicator=P1&part=numerator&period=2026-03&unit={fx.Unit}&format=csv", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);

        var bad = await city.GetAsync("/staff/kpis?period=2026-13");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("href=\"#Period\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var specialist = await StaffClient.SignInAsync(factory, "chuyenvien@motcua.demo");
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.GetAsync("/staff/kpis")).StatusCode);
        await TestStaff.EnsureAsync(factory, "kpi-page-supervisor@motcua.test", StaffRole.Supervisor, UnitCodes.Commune2025(2), "Giám Sát Khác");
        using var other = await StaffClient.SignInAsync(factory, "kpi-page-supervisor@motcua.test");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/staff/kpis?period=2026-03&unit={fx.Unit}")).StatusCode);
    }

    [Fact]
    public async Task The_public_statistics_page_shows_the_city_and_each_unit_to_anyone()
    {
        await factory.FixtureAsync();
        using var anonymous = StaffClient.Anonymous(factory);
        var response = await anonymous.GetAsync("/statistics?period=2026-03");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        // The city: O1 and F1 over every level of the catalogue (30 of 144 fully online, 23 of 36 with a fee payable online).
        Assert.Contains("9 hồ sơ tiếp nhận; 62.5% đúng hạn; 55.6% trực tuyến; tổng điểm 43.77/100.", html, StringComparison.Ordinal);
        Assert.Contains("/api/v1/open-data/kpis?period=2026-03&format=csv", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/statistics?period=x")).StatusCode);
    }
}
