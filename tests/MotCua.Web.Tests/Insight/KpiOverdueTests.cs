using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Insight.Data;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Insight;

/// <summary>The overdue and due-soon lists on the fixture's reading day (Thursday 12 March 2026, 09:00): scoped, paged, CSV and JSON.</summary>
[Collection(KpiCollection.Name)]
public sealed class KpiOverdueTests(KpiFactory factory)
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static IEnumerable<Guid> Ids(JsonElement list) => list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid());

    [Fact]
    public async Task The_ward_lists_its_overdue_dossier_and_the_one_due_tomorrow_with_their_staff_pages()
    {
        var fx = await factory.FixtureAsync();
        using var city = await StaffClient.SignInAsync(factory, "giamsat@motcua.demo");
        // I: at the counter, open since Monday, past its one working day. H: accepted 30 minutes ago, due Friday.
        var overdue = await JsonAsync(await city.GetAsync($"/api/v1/kpis/overdue?unit={fx.Unit}"));
        Assert.Equal((1, "dossiers", "overdue"), (overdue.GetProperty("total").GetInt32(), overdue.GetProperty("list").GetString(), overdue.GetProperty("when").GetString()));
        var i = Assert.Single(overdue.GetProperty("items").EnumerateArray());
        Assert.Equal(fx.Dossiers["I"], i.GetProperty("id").GetGuid());
        Assert.Equal($"/staff/dossiers/{fx.Dossiers["I"]}", i.GetProperty("link").GetString());
        var soon = await JsonAsync(await city.GetAsync($"/api/v1/kpis/overdue?when=soon&unit={fx.Unit}"));
        Assert.Equal([fx.Dossiers["H"]], Ids(soon));
        // R4, reopened on Wednesday 4 March with seven more days, is past them; R3, filed just now, is due more than three days away.
        var reports = await JsonAsync(await city.GetAsync($"/api/v1/kpis/overdue?list=feedback&unit={fx.Unit}"));
        Assert.Equal([fx.Reports["R4"]], Ids(reports));
        Assert.Equal($"/staff/feedback/{fx.Reports["R4"]}", reports.GetProperty("items")[0].GetProperty("link").GetString());
        Assert.Equal(0, (await JsonAsync(await city.GetAsync($"/api/v1/kpis/overdue?list=feedback&when=soon&unit={fx.Unit}"))).GetProperty("total").GetInt32());
        // The whole city's list holds the ward's dossier too; the CSV has the same rows.
        Assert.Contains(fx.Dossiers["I"], Ids(await JsonAsync(await city.GetAsync("/api/v1/kpis/overdue?level=commune"))));
        var csv = (await (await city.GetAsync($"/api/v1/kpis/overdue?unit={fx.Unit}&format=csv")).Content.ReadAsStringAsync()).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("kind,id,code,subject,unit_id,status,due_at,link", csv[0]);
        Assert.StartsWith($"dossier,{fx.Dossiers["I"]},", Assert.Single(csv[1..]), StringComparison.Ordinal);

        var html = WebUtility.HtmlDecode(await city.GetPageAsync($"/staff/kpis?period=2026-03&unit={fx.Unit}"));
        Assert.Contains("Hồ sơ đang quá hạn: 1", html, StringComparison.Ordinal);
        Assert.Contains("Hồ sơ sắp đến hạn: 1", html, StringComparison.Ordinal);
        Assert.Contains("Phản ánh đang quá hạn: 1", html, StringComparison.Ordinal);
        Assert.Contains("Phản ánh sắp đến hạn: 0", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/staff/dossiers/{fx.Dossiers["I"]}\"", html, StringComparison.Ordinal);
        Assert.Contains($"/api/v1/kpis/overdue?list=dossiers&when=overdue&period=2026-03&unit={fx.Unit}&format=csv", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_ward_never_sees_the_wards_items_and_bad_parameters_are_named()
    {
        var fx = await factory.FixtureAsync();
        await TestStaff.EnsureAsync(factory, "kpi-overdue-supervisor@motcua.test", StaffRole.Supervisor, UnitCodes.Commune2025(2), "Giám Sát Phường Khác");
        using var other = await StaffClient.SignInAsync(factory, "kpi-overdue-supervisor@motcua.test");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/kpis/overdue?unit={fx.Unit}")).StatusCode);
        Assert.Equal(0, (await JsonAsync(await other.GetAsync("/api/v1/kpis/overdue"))).GetProperty("total").GetInt32());
        Assert.Equal(0, (await JsonAsync(await other.GetAsync("/api/v1/kpis/overdue?when=soon&level=commune"))).GetProperty("total").GetInt32());
        var page = await other.GetPageAsync("/staff/kpis?period=2026-03");
        Assert.DoesNotContain(fx.Dossiers["I"].ToString(), page, StringComparison.Ordinal);

        using var city = await StaffClient.SignInAsync(factory, "giamsat@motcua.demo");
        foreach (var (url, field) in new[] { ("/api/v1/kpis/overdue?list=all", "list"), ("/api/v1/kpis/overdue?when=later", "when"), ("/api/v1/kpis/overdue?page=0", "page") })
        {
            var response = await city.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), url);
        }
    }
}

/// <summary>The distinct-procedure counts the refresh keeps per whole period (ADR 0029) equal the fixture's O2 and F2.</summary>
[Collection(KpiCollection.Name)]
public sealed class KpiProcedureCountTests(KpiFactory factory)
{
    [Fact]
    public async Task The_unit_its_level_and_the_city_each_have_one_row_per_month_quarter_and_year()
    {
        var fx = await factory.FixtureAsync();
        var rows = await factory.WithDbAsync(db => db.Set<KpiProcedureCount>()
            .Where(r => r.Period == "202603-202603" || r.Period == "202601-202603" || r.Period == "202601-202612").ToListAsync());
        // One procedure (birth registration): used online, fee-bearing (H, I) and paid online (H), in every scope and period.
        foreach (var scope in new[] { fx.Unit.ToString(), "level:commune", "all" })
            foreach (var period in new[] { "202603-202603", "202601-202603", "202601-202612" })
            {
                var row = Assert.Single(rows, r => r.Scope == scope && r.Period == period);
                Assert.Equal((1, 1, 1, 1), (row.Procedures, row.UsedOnline, row.FeeBearing, row.PaidOnline));
            }
        Assert.DoesNotContain(rows, r => r.Scope is "level:city" or "level:district");
    }
}
