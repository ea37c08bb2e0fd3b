using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using MotCua.Web.Features.Feedback.Open311;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Host;

public sealed class ListCacheFactory : MotCuaFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Long enough that nothing expires during the test: what is checked is which answers come from the cache.
        builder.UseSetting("MotCua:PublicListCache:Seconds", "300");
    }
}

/// <summary>The Open311 list is answered from memory for an identical request, and only for that one.</summary>
public sealed class PublicListCacheTests(ListCacheFactory factory) : IClassFixture<ListCacheFactory>
{
    private const string List = "/open311/v2/requests.json";

    private async Task<List<string>> IdsAsync(string url)
    {
        var response = await factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray()
            .Select(r => r.GetProperty("service_request_id").GetString()!)];
    }

    private async Task<string> FileAsync()
    {
        var response = await factory.CreateClient().PostAsync(new Uri("/open311/v2/requests.json", UriKind.Relative), new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["api_key"] = Open311Keys.DemoKey, ["service_code"] = "chieu-sang", ["lat"] = "21.0285", ["long"] = "105.8522",
                ["description"] = "Đèn đường ven hồ tắt từ tối qua.", ["attribute[tinh-trang]"] = "tat",
            }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString()!;
    }

    [Fact]
    public async Task An_identical_list_request_is_answered_from_memory_and_a_different_one_is_not()
    {
        var before = await IdsAsync(List);
        var filed = await FileAsync();

        // The same request: the cached answer, without the new report.
        Assert.Equal(before, await IdsAsync(List));
        // Another query is another answer, read from the database.
        Assert.Contains(filed, await IdsAsync(List + "?page_size=1000"));
        // A single request is never cached.
        var one = await factory.CreateClient().GetAsync(new Uri($"/open311/v2/requests/{filed}.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
    }
}
