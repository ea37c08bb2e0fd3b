using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Insight;

/// <summary>The staff API on the fixture's month: scoped by who asks, every number with its list, CSV and JSON; open data for anyone.</summary>
[Collection(KpiCollection.Name)]
public sealed class KpiApiTests(KpiFactory factory)
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task The_city_supervisor_sees_the_wards_scorecard_ranking_and_the_dossiers_behind_a_number()
    {
        var fx = await factory.FixtureAsync();
        using var city = await StaffClient.SignInAsync(factory, "giamsat@motcua.demo");
        var card = await JsonAsync(await city.GetAsync($"/api/v1/kpis/scorecard?period=2026-03&unit={fx.Unit}"));
        Assert.Equal(44.05m, card.GetProperty("total").GetDecimal());
        Assert.Equal("2026-02", card.GetProperty("previous").GetProperty("period").GetString());
        var p1 = card.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("key").GetString() == "P1");
        Assert.Equal((5, 8, 0.625m, 10m), (p1.GetProperty("numerator").GetInt32(), p1.GetProperty("denominator").GetInt32(),
            p1.GetProperty("rate").GetDecimal(), p1.GetProperty("points").GetDecimal()));
        Assert.Equal(6, card.GetProperty("groups").GetArrayLength());
        // Against its own last period (February: no dossier, so every product indicator has full points) and its peers
        // (the commune-level units with figures in March: the ward alone).
        Assert.Equal(16m, card.GetProperty("previous").GetProperty("points").GetProperty("P1").GetDecimal());
        Assert.Equal(JsonValueKind.Null, card.GetProperty("previous").GetProperty("rates").GetProperty("P1").ValueKind);
        var peers = card.GetProperty("peers");
        Assert.Equal(("commune", 1, 1, 44.05m, 44.05m), (peers.GetProperty("level").GetString(), peers.GetProperty("rank").GetInt32(),
            peers.GetProperty("of").GetInt32(), peers.GetProperty("average").GetDecimal(), peers.GetProperty("best").GetDecimal()));
        // The commune level (the ward the only one with figures): the level's precomputed O2/F2 row, the same total.
        var level = await JsonAsync(await city.GetAsync("/api/v1/kpis/scorecard?period=2026-03&level=commune"));
        Assert.Equal(JsonValueKind.Null, level.GetProperty("peers").ValueKind);
        Assert.Equal(44.05m, level.GetProperty("total").GetDecimal());
        Assert.Equal((1, 1, 1, 1), (level.GetProperty("counts").GetProperty("proceduresWithDossiers").GetInt32(),
            level.GetProperty("counts").GetProperty("proceduresUsedOnline").GetInt32(), level.GetProperty("counts").GetProperty("proceduresFeeBearing").GetInt32(),
            level.GetProperty("counts").GetProperty("proceduresPaidOnline").GetInt32()));

        var units = await JsonAsync(await city.GetAsync("/api/v1/kpis/units?period=2026-Q1"));
        var ward = units.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unit").GetGuid() == fx.Unit);
        Assert.Equal(9, ward.GetProperty("received").GetInt32());

        var behind = await JsonAsync(await city.GetAsync($"/api/v1/kpis/drilldown?indicator=P1&period=2026-03&unit={fx.Unit}"));
        Assert.Equal(5, behind.GetProperty("total").GetInt32());
        Assert.Equal(
            new[] { fx.Dossiers["A"], fx.Dossiers["B"], fx.Dossiers["D"], fx.Dossiers["H"], fx.Dossiers["J"] }.Order(),
            behind.GetProperty("items").EnumerateArray().Select(i => Guid.Parse(i.GetProperty("id").GetString()!)).Order());
        var all = await JsonAsync(await city.GetAsync($"/api/v1/kpis/drilldown?indicator=P1&part=denominator&period=2026-03&unit={fx.Unit}"));
        Assert.Equal(8, all.GetProperty("total").GetInt32());
        var reports = await JsonAsync(await city.GetAsync($"/api/v1/kpis/drilldown?indicator=S4&period=2026-03&unit={fx.Unit}"));
        Assert.Equal(fx.Reports["R4"].ToString(), Assert.Single(reports.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());

        // O1 and F1: the catalogue's procedures for the ward's level (docs/kpis.md, the fixture): 28 of 124, 20 of 29.
        foreach (var (key, numerator, denominator) in new[] { ("O1", 28, 124), ("F1", 20, 29) })
        {
            var n = await JsonAsync(await city.GetAsync($"/api/v1/kpis/drilldown?indicator={key}&period=2026-03&unit={fx.Unit}"));
            var d = await JsonAsync(await city.GetAsync($"/api/v1/kpis/drilldown?indicator={key}&part=denominator&period=2026-03&unit={fx.Unit}"));
            Assert.Equal((numerator, denominator), (n.GetProperty("total").GetInt32(), d.GetProperty("total").GetInt32()));
            Assert.Equal(Math.Min(100, denominator), d.GetProperty("items").GetArrayLength());
            Assert.Equal(denominator > 100, d.GetProperty("hasNext").GetBoolean());
        }
        var birth = (await JsonAsync(await city.GetAsync($"/api/v1/kpis/drilldown?indicator=O1&period=2026-03&unit={fx.Unit}"))).GetProperty("items").EnumerateArray();
        Assert.Contains(birth, i => i.GetProperty("code").GetString() == "1.001193");

        var csv = await city.GetAsync($"/api/v1/kpis/drilldown?indicator=P1&period=2026-03&unit={fx.Unit}&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("kind,id,code,procedure,unit_id,status,received_at,outcome,channel", lines[0]);
        Assert.Equal(6, lines.Length);
        var table = await (await city.GetAsync($"/api/v1/kpis/scorecard?period=2026-03&unit={fx.Unit}&format=csv")).Content.ReadAsStringAsync();
        Assert.Contains("\r\nP1,", table, StringComparison.Ordinal);
        Assert.Contains(",0.625,1,16,10\r\n", table, StringComparison.Ordinal);

        var trend = await JsonAsync(await city.GetAsync($"/api/v1/kpis/trend?period=2026-Q1&unit={fx.Unit}"));
        Assert.Equal(new[] { 0, 0, 9 }, trend.GetProperty("months").EnumerateArray().Select(m => m.GetProperty("received").GetInt32()));
    }

    [Fact]
    public async Task Others_see_only_their_units_and_staff_without_oversight_see_nothing()
    {
        var fx = await factory.FixtureAsync();
        await TestStaff.EnsureAsync(factory, "kpi-supervisor@motcua.test", StaffRole.Supervisor, UnitCodes.Commune2025(2), "Giám Sát Phường Khác");
        using var other = await StaffClient.SignInAsync(factory, "kpi-supervisor@motcua.test");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/kpis/scorecard?period=2026-03&unit={fx.Unit}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/kpis/drilldown?indicator=P1&period=2026-03&unit={fx.Unit}")).StatusCode);
        var own = await JsonAsync(await other.GetAsync("/api/v1/kpis/scorecard?period=2026-03"));
        Assert.Equal(0, own.GetProperty("counts").GetProperty("received").GetInt32());
        var theirs = await JsonAsync(await other.GetAsync("/api/v1/kpis/drilldown?indicator=P1&part=denominator&period=2026-03"));
        Assert.Equal(0, theirs.GetProperty("total").GetInt32());

        using var specialist = await StaffClient.SignInAsync(factory, "chuyenvien@motcua.demo");
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.GetAsync($"/api/v1/kpis/scorecard?period=2026-03&unit={fx.Unit}")).StatusCode);
        using var anonymous = StaffClient.Anonymous(factory);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/kpis/scorecard")).StatusCode);
    }

    [Fact]
    public async Task Bad_parameters_are_named_and_nothing_is_read()
    {
        using var city = await StaffClient.SignInAsync(factory, "giamsat@motcua.demo");
        foreach (var (url, field) in new[]
        {
            ("/api/v1/kpis/scorecard?period=2026-13", "period"),
            ("/api/v1/kpis/units?level=province", "level"),
            ("/api/v1/kpis/drilldown?indicator=T1", "indicator"),
            ("/api/v1/kpis/drilldown?indicator=P1&part=both", "part"),
        })
        {
            var response = await city.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), url);
        }
    }

    [Fact]
    public async Task An_administrator_enters_an_outside_figure_with_an_audit_entry_and_it_is_scored()
    {
        var fx = await factory.FixtureAsync();
        using var admin = await StaffClient.SignInAsync(factory, "admin@motcua.demo");
        var bad = await admin.Http.PostAsJsonAsync("/api/v1/kpis/entered", new { unit = fx.Unit, month = "2026-02", key = "T1", numerator = 51, denominator = 50 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("numerator", out _));
        var notOutside = await admin.Http.PostAsJsonAsync("/api/v1/kpis/entered", new { unit = fx.Unit, month = "2026-02", key = "P1", numerator = 1, denominator = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, notOutside.StatusCode);

        var ok = await admin.Http.PostAsJsonAsync("/api/v1/kpis/entered", new { unit = fx.Unit, month = "2026-02", key = "T1", numerator = 45, denominator = 50 });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        // Entered again, the figure is replaced, not added.
        await admin.Http.PostAsJsonAsync("/api/v1/kpis/entered", new { unit = fx.Unit, month = "2026-02", key = "T1", numerator = 45, denominator = 50 });
        Assert.Equal(2, await factory.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(e => e.Action == "kpi.entered")));

        using var city = await StaffClient.SignInAsync(factory, "giamsat@motcua.demo");
        var card = await JsonAsync(await city.GetAsync($"/api/v1/kpis/scorecard?period=2026-02&unit={fx.Unit}"));
        var t1 = card.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("key").GetString() == "T1");
        Assert.Equal(("scored", 45, 50, 5.4m), (t1.GetProperty("state").GetString(), t1.GetProperty("numerator").GetInt32(),
            t1.GetProperty("denominator").GetInt32(), t1.GetProperty("points").GetDecimal()));
        Assert.Equal(HttpStatusCode.Forbidden, (await city.Http.PostAsJsonAsync("/api/v1/kpis/entered",
            new { unit = fx.Unit, month = "2026-02", key = "T1", numerator = 1, denominator = 1 })).StatusCode);
    }

    [Fact]
    public async Task Open_data_gives_anyone_the_aggregates_and_no_dossier()
    {
        var fx = await factory.FixtureAsync();
        using var anonymous = StaffClient.Anonymous(factory);
        var response = await anonymous.GetAsync("/api/v1/open-data/kpis?period=2026-03");
        var body = await response.Content.ReadAsStringAsync();
        var json = JsonDocument.Parse(body).RootElement;
        var ward = json.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("received").GetInt32() == 9);
        Assert.Equal(5, ward.GetProperty("onTime").GetInt32());
        Assert.Equal(44.05m, ward.GetProperty("totalPoints").GetDecimal());
        foreach (var id in fx.Dossiers.Values) Assert.DoesNotContain(id.ToString(), body, StringComparison.Ordinal);
        var csv = await (await anonymous.GetAsync("/api/v1/open-data/kpis?period=2026-03&format=csv")).Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.StartsWith("code,name,level,received", System.Text.Encoding.UTF8.GetString(csv[3..]), StringComparison.Ordinal);
    }
}
