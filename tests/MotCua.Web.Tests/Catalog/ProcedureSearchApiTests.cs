using System.Net;
using System.Text.Json;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Catalog;

[Collection(CityCollection.Name)]
public sealed class ProcedureSearchApiTests(MotCuaFactory factory)
{
    private async Task<JsonElement> Search(string query)
    {
        var text = await factory.CreateClient().GetStringAsync(new Uri("/api/v1/procedures?" + query, UriKind.Relative));
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Theory]
    [InlineData("dang ky khai sinh")]
    [InlineData("khai sinh")]
    [InlineData("dang ki khai sinh")]
    [InlineData("Đăng ký khai sinh")]
    public async Task Birth_registration_ranks_first(string q)
    {
        var body = await Search("q=" + Uri.EscapeDataString(q));
        var first = body.GetProperty("items")[0];
        Assert.Equal("1.001193", first.GetProperty("code").GetString());
        Assert.Equal("Thủ tục đăng ký khai sinh", first.GetProperty("name").GetString());
        Assert.Equal("/procedures/1.001193", first.GetProperty("url").GetString());
        var scores = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
    }

    [Fact]
    public async Task Without_a_query_the_whole_published_catalogue_is_listed_in_pages()
    {
        var body = await Search("pageSize=50&page=3");
        Assert.Equal(144, body.GetProperty("total").GetInt32());
        Assert.Equal(44, body.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Filters_narrow_the_results()
    {
        var all = await Search("q=dang+ky&pageSize=100");
        var civil = await Search("q=dang+ky&field=" + Uri.EscapeDataString("Hộ tịch") + "&pageSize=100");
        Assert.True(civil.GetProperty("total").GetInt32() < all.GetProperty("total").GetInt32());
        Assert.All(civil.GetProperty("items").EnumerateArray(), i => Assert.Equal("Hộ tịch", i.GetProperty("field").GetString()));

        var full = await Search("onlineLevel=4&fullProcess=true&pageSize=100");
        Assert.All(full.GetProperty("items").EnumerateArray(), i => Assert.True(i.GetProperty("fullProcess").GetBoolean()));
        var ward = await Search("unit=" + Uri.EscapeDataString("000.01.60.H26") + "&pageSize=100");
        var wards = await Search("unitKind=ward&pageSize=100");
        Assert.InRange(ward.GetProperty("total").GetInt32(), 1, 143);
        Assert.Equal(wards.GetProperty("total").GetInt32(), ward.GetProperty("total").GetInt32());
        var province = await Search("level=province&pageSize=100");
        Assert.All(province.GetProperty("items").EnumerateArray(), i => Assert.Contains("province", i.GetProperty("levels").EnumerateArray().Select(l => l.GetString())));
    }

    [Fact]
    public async Task A_procedure_reads_whole_in_the_catalogue_format()
    {
        var text = await factory.CreateClient().GetStringAsync(new Uri("/api/v1/procedures/1.001193", UriKind.Relative));
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal("1.001193", body.GetProperty("nationalCode").GetString());
        Assert.True(body.GetProperty("documents").GetArrayLength() > 0);
        Assert.Equal("object", body.GetProperty("form").GetProperty("schema").GetProperty("type").GetString());
        Assert.True(body.GetProperty("workflow").GetProperty("steps").GetArrayLength() > 1);
    }

    [Theory]
    [InlineData("/api/v1/procedures/9.999999")]
    [InlineData("/api/v1/procedures/..%2F..%2Fetc%2Fpasswd")]
    public async Task An_unknown_procedure_is_404(string url)
    {
        var response = await factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("level=city", "level")]
    [InlineData("onlineLevel=7", "onlineLevel")]
    [InlineData("fullProcess=maybe", "fullProcess")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=1000", "pageSize")]
    [InlineData("unit=000.99.99.H26", "unit")]
    public async Task Bad_parameters_get_a_problem_naming_the_parameter(string query, string parameter)
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/api/v1/procedures?" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Fact]
    public async Task A_very_long_query_is_refused_not_crashed()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/api/v1/procedures?q=" + new string('a', 500), UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Public_pages_show_search_results_and_a_procedure()
    {
        var client = factory.CreateClient();
        var results = await client.GetStringAsync(new Uri("/procedures?q=ly+lich+tu+phap", UriKind.Relative));
        Assert.Contains("Cấp Phiếu Lý lịch tư pháp", results, StringComparison.Ordinal);
        var page = await client.GetStringAsync(new Uri("/procedures/1.001193", UriKind.Relative));
        Assert.Contains("Thành phần hồ sơ", page, StringComparison.Ordinal);
        Assert.Contains("Giấy chứng sinh", page, StringComparison.Ordinal);
        var english = await client.GetStringAsync(new Uri("/procedures/1.001193?lang=en", UriKind.Relative));
        Assert.Contains("Documents to provide", english, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_and_export_are_for_administrators_only()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/api/v1/catalog/export", UriKind.Relative))).StatusCode);
        using var content = new StringContent("[]", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync(new Uri("/api/v1/catalog/import", UriKind.Relative), content)).StatusCode);
    }
}
