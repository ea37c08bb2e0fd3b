using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Feedback;
using MotCua.Web.Features.Feedback;
using MotCua.Web.Features.Feedback.Open311;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Feedback;

/// <summary>Every Open311 GeoReport v2 endpoint in both formats, with each error the specification names.</summary>
public sealed class Open311ContractTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    private const string V2 = "/open311/v2";

    private HttpClient Client() => factory.CreateClient();

    private static async Task<JsonElement> JsonOf(HttpResponseMessage r) => JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;

    private static async Task<XElement> XmlOf(HttpResponseMessage r) => XDocument.Parse(await r.Content.ReadAsStringAsync()).Root!;

    private Task<HttpResponseMessage> PostAsync(string format, params (string Key, string Value)[] fields) =>
        Client().PostAsync($"{V2}/requests.{format}", new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Key, f.Value))));

    private static (string, string)[] Lighting(string key = Open311Keys.DemoKey) =>
        [("api_key", key), ("service_code", "chieu-sang"), ("lat", "21.0285"), ("long", "105.8522"),
         ("description", "Đèn đường ven hồ tắt từ tối qua."), ("attribute[tinh-trang]", "tat"), ("first_name", "An"), ("last_name", "Nguyễn Văn")];

    [Fact]
    public async Task Discovery_lists_the_test_endpoint_and_its_formats()
    {
        var json = await JsonOf(await Client().GetAsync($"{V2}/discovery.json"));
        var endpoint = json.GetProperty("endpoints")[0];
        Assert.Equal("test", endpoint.GetProperty("type").GetString());
        Assert.EndsWith(V2, endpoint.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal(["text/xml", "application/json"], endpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));

        var xml = await XmlOf(await Client().GetAsync($"{V2}/discovery.xml"));
        Assert.Equal("discovery", xml.Name.LocalName);
        Assert.Equal(["text/xml", "application/json"], xml.Element("endpoints")!.Element("endpoint")!.Element("formats")!.Elements("format").Select(e => e.Value));
    }

    [Fact]
    public async Task Services_and_a_definition_say_the_same_in_json_and_xml()
    {
        var services = await JsonOf(await Client().GetAsync($"{V2}/services.json"));
        Assert.Equal(JsonValueKind.Array, services.ValueKind);
        var lighting = services.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "chieu-sang");
        Assert.True(lighting.GetProperty("metadata").GetBoolean());
        Assert.Equal("realtime", lighting.GetProperty("type").GetString());
        var xml = await XmlOf(await Client().GetAsync($"{V2}/services.xml"));
        Assert.Equal(services.GetArrayLength(), xml.Elements("service").Count());

        var definition = await JsonOf(await Client().GetAsync($"{V2}/services/chieu-sang.json"));
        var first = definition.GetProperty("attributes")[0];
        Assert.Equal("tinh-trang", first.GetProperty("code").GetString());
        Assert.Equal("singlevaluelist", first.GetProperty("datatype").GetString());
        Assert.True(first.GetProperty("required").GetBoolean());
        Assert.Equal(3, first.GetProperty("values").GetArrayLength());
        var definitionXml = await XmlOf(await Client().GetAsync($"{V2}/services/chieu-sang.xml"));
        Assert.Equal("service_definition", definitionXml.Name.LocalName);
        Assert.Equal(3, definitionXml.Element("attributes")!.Elements("attribute").First().Element("values")!.Elements("value").Count());
    }

    [Fact]
    public async Task A_posted_request_routes_to_Hoan_Kiem_and_can_be_read_back_by_id_and_in_the_list()
    {
        var posted = await PostAsync("json", Lighting());
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var id = (await JsonOf(posted))[0].GetProperty("service_request_id").GetString()!;

        var one = await JsonOf(await Client().GetAsync($"{V2}/requests/{id}.json"));
        Assert.Equal(1, one.GetArrayLength());
        var request = one[0];
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("Phường Hoàn Kiếm", request.GetProperty("agency_responsible").GetString());
        Assert.Equal(21.0285, request.GetProperty("lat").GetDouble(), 6);
        Assert.EndsWith("+07:00", request.GetProperty("requested_datetime").GetString(), StringComparison.Ordinal);

        var xml = await XmlOf(await Client().GetAsync($"{V2}/requests/{id}.xml"));
        Assert.Equal(id, xml.Element("request")!.Element("service_request_id")!.Value);

        var list = await JsonOf(await Client().GetAsync($"{V2}/requests.json?service_code=chieu-sang&status=open"));
        Assert.Contains(list.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == id);
        var closed = await JsonOf(await Client().GetAsync($"{V2}/requests.json?status=closed"));
        Assert.DoesNotContain(closed.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == id);
        var byIds = await JsonOf(await Client().GetAsync($"{V2}/requests.json?service_request_id={id},PA-000000-00000&status=closed"));
        Assert.Equal(id, Assert.Single(byIds.EnumerateArray()).GetProperty("service_request_id").GetString());

        var updates = await JsonOf(await Client().GetAsync($"{V2}/servicerequestupdates.json?service_request_id={id}"));
        Assert.Equal($"{id}-1", Assert.Single(updates.EnumerateArray()).GetProperty("update_id").GetString());
    }

    [Fact]
    public async Task Paging_splits_the_list_without_overlap()
    {
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Created, (await PostAsync("xml", Lighting())).StatusCode);
        var page1 = await JsonOf(await Client().GetAsync($"{V2}/requests.json?page_size=2&page=1"));
        var page2 = await JsonOf(await Client().GetAsync($"{V2}/requests.json?page_size=2&page=2"));
        Assert.Equal(2, page1.GetArrayLength());
        Assert.True(page2.GetArrayLength() >= 1);
        Assert.Empty(page1.EnumerateArray().Select(Id).Intersect(page2.EnumerateArray().Select(Id)));
        static string Id(JsonElement r) => r.GetProperty("service_request_id").GetString()!;
    }

    [Theory]
    [InlineData("GET", "/discovery.csv", HttpStatusCode.NotFound)]
    [InlineData("GET", "/services/khong-co.json", HttpStatusCode.NotFound)]
    [InlineData("GET", "/services.json?jurisdiction_id=haiphong.gov.vn", HttpStatusCode.NotFound)]
    [InlineData("GET", "/services.json?jurisdiction_id=", HttpStatusCode.OK)]
    [InlineData("GET", "/services.json?jurisdiction_id=hanoi.gov.vn", HttpStatusCode.OK)]
    [InlineData("GET", "/tokens/abc.json", HttpStatusCode.NotFound)]
    [InlineData("GET", "/requests/PA-000000-00000.json", HttpStatusCode.NotFound)]
    [InlineData("GET", "/requests.json?start_date=hôm-qua", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/requests.json?start_date=2026-01-01T00:00:00%2B07:00&end_date=2026-06-01T00:00:00%2B07:00", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/requests.json?end_date=2026-01-01T00:00:00%2B07:00&start_date=2026-02-01T00:00:00%2B07:00", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/requests.json?status=pending", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/requests.json?page=0", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/requests.json?page_size=1001", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/servicerequestupdates.xml?page_size=x", HttpStatusCode.BadRequest)]
    public async Task Errors_have_the_specified_status_and_body_in_both_formats(string method, string path, HttpStatusCode status)
    {
        var response = await Client().SendAsync(new HttpRequestMessage(new HttpMethod(method), V2 + path));
        Assert.Equal(status, response.StatusCode);
        if (status == HttpStatusCode.OK) return;
        var body = await response.Content.ReadAsStringAsync();
        if (path.Contains(".json", StringComparison.Ordinal))
        {
            var error = JsonDocument.Parse(body).RootElement[0];
            Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), error.GetProperty("code").GetString());
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("description").GetString()));
        }
        else
        {
            var errors = XDocument.Parse(body).Root!;
            Assert.Equal("errors", errors.Name.LocalName);
            Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), errors.Element("error")!.Element("code")!.Value);
        }
    }

    [Theory]
    [InlineData("", "chieu-sang", "21.0285", "105.8522", "tat", HttpStatusCode.Forbidden)]
    [InlineData("sai-khoa", "chieu-sang", "21.0285", "105.8522", "tat", HttpStatusCode.Forbidden)]
    [InlineData(Open311Keys.DemoKey, "", "21.0285", "105.8522", "tat", HttpStatusCode.BadRequest)]
    [InlineData(Open311Keys.DemoKey, "khong-co", "21.0285", "105.8522", "tat", HttpStatusCode.BadRequest)]
    [InlineData(Open311Keys.DemoKey, "chieu-sang", "", "", "tat", HttpStatusCode.BadRequest)]
    [InlineData(Open311Keys.DemoKey, "chieu-sang", "21.0285", "", "tat", HttpStatusCode.BadRequest)]
    [InlineData(Open311Keys.DemoKey, "chieu-sang", "20.8449", "106.6881", "tat", HttpStatusCode.BadRequest)]
    [InlineData(Open311Keys.DemoKey, "chieu-sang", "21.0285", "105.8522", "vo", HttpStatusCode.BadRequest)]
    public async Task A_post_that_cannot_be_taken_is_refused_and_writes_nothing(string key, string service, string lat, string lon, string state, HttpStatusCode status)
    {
        var before = await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Set<FeedbackReport>()));
        var response = await PostAsync("json", ("api_key", key), ("service_code", service), ("lat", lat), ("long", lon),
            ("description", "Đèn tắt."), ("attribute[tinh-trang]", state));
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), (await JsonOf(response))[0].GetProperty("code").GetString());
        Assert.Equal(before, await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Set<FeedbackReport>())));
    }

    [Fact]
    public async Task Html_in_a_description_and_a_json_body_are_refused_and_multi_value_attributes_are_taken()
    {
        var html = await PostAsync("xml", [.. Lighting().Where(f => f.Item1 != "description"), ("description", "<script>alert(1)</script>")]);
        Assert.Equal(HttpStatusCode.BadRequest, html.StatusCode);
        var json = await Client().PostAsync($"{V2}/requests.json", new StringContent("{\"service_code\":\"chieu-sang\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, json.StatusCode);

        var multi = await PostAsync("json", ("api_key", Open311Keys.DemoKey), ("service_code", "o-nhiem"), ("address_string", "Khu công nghiệp Thạch Thất"),
            ("description", "Khói và tiếng ồn cả đêm."), ("attribute[loai][]", "khong-khi"), ("attribute[loai][]", "tieng-on"));
        Assert.Equal(HttpStatusCode.Created, multi.StatusCode);
        var id = (await JsonOf(multi))[0].GetProperty("service_request_id").GetString();
        var stored = await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Set<FeedbackReport>(), r => r.Number == id));
        Assert.Equal(["khong-khi", "tieng-on"], stored.Answers["loai"]);
    }

    [Fact]
    public async Task A_hidden_report_is_not_public()
    {
        var id = (await JsonOf(await PostAsync("json", Lighting())))[0].GetProperty("service_request_id").GetString()!;
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MotCua.Web.Infrastructure.Persistence.MotCuaDbContext>();
            var report = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Set<FeedbackReport>(), r => r.Number == id);
            report.Moderate(null, hidden: true, "mod", "Kiểm duyệt", DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.NotFound, (await Client().GetAsync($"{V2}/requests/{id}.json")).StatusCode);
        var list = await JsonOf(await Client().GetAsync($"{V2}/requests.json?service_request_id={id}"));
        Assert.Equal(0, list.GetArrayLength());
    }
}
