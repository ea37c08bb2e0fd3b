using System.Text.Json;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Organization;

[Collection(CityCollection.Name)]
public sealed class UnitsApiTests(MotCuaFactory factory)
{
    private static IEnumerable<JsonElement> Flatten(JsonElement node) =>
        node.GetProperty("children").EnumerateArray().SelectMany(c => Flatten(c).Prepend(c));

    private async Task<List<JsonElement>> UnitsOn(string date)
    {
        var text = await factory.CreateClient().GetStringAsync(new Uri($"/api/v1/units?date={date}", UriKind.Relative));
        var root = JsonDocument.Parse(text).RootElement.GetProperty("units").EnumerateArray().Single();
        return [.. Flatten(root).Prepend(root).Select(e => e.Clone())];
    }

    [Fact]
    public async Task In_2024_the_city_had_30_districts_and_579_wards()
    {
        var units = await UnitsOn("2024-06-01");
        Assert.Equal(30, units.Count(u => u.GetProperty("kind").GetString() == "district"));
        Assert.Equal(579, units.Count(u => u.GetProperty("kind").GetString() is "ward" or "commune" or "township"));
        Assert.Contains(units, u => u.GetProperty("name").GetString() == "Sở Thông tin và Truyền thông thành phố Hà Nội");
    }

    [Fact]
    public async Task From_january_2025_there_were_526_wards()
    {
        var units = await UnitsOn("2025-02-01");
        Assert.Equal(526, units.Count(u => u.GetProperty("kind").GetString() is "ward" or "commune" or "township"));
        Assert.Contains(units, u => u.GetProperty("name").GetString() == "Phường Văn Miếu - Quốc Tử Giám");
    }

    [Fact]
    public async Task After_july_2025_there_are_no_districts_and_126_communes_under_the_city()
    {
        var units = await UnitsOn("2025-07-01");
        Assert.DoesNotContain(units, u => u.GetProperty("kind").GetString() == "district");
        var communes = units.Where(u => u.GetProperty("kind").GetString() is "ward" or "commune").ToList();
        Assert.Equal(126, communes.Count);
        Assert.Equal(51, communes.Count(u => u.GetProperty("kind").GetString() == "ward"));
        Assert.DoesNotContain(units, u => u.GetProperty("name").GetString() == "Sở Thông tin và Truyền thông thành phố Hà Nội");
        Assert.Contains(units, u => u.GetProperty("name").GetString() == "Sở Nông nghiệp và Môi trường thành phố Hà Nội");
    }

    [Fact]
    public async Task A_bad_date_is_a_problem_naming_date()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/api/v1/units?date=yesterday", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"date\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_organisation_page_shows_today_and_a_past_date()
    {
        var client = factory.CreateClient();
        var today = await client.GetStringAsync(new Uri("/units", UriKind.Relative));
        Assert.Contains("Phường Hoàn Kiếm", today, StringComparison.Ordinal);
        Assert.DoesNotContain("Quận Ba Đình", today, StringComparison.Ordinal);
        var before = await client.GetStringAsync(new Uri("/units?date=2024-06-01", UriKind.Relative));
        Assert.Contains("Quận Ba Đình", before, StringComparison.Ordinal);
        Assert.Contains("Phường Phúc Xá", before, StringComparison.Ordinal);
        var bad = await client.GetStringAsync(new Uri("/units?date=not-a-date", UriKind.Relative));
        Assert.Contains("Ngày không hợp lệ", bad, StringComparison.Ordinal);
    }
}
