using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Audit;

/// <summary>The supervisors' search (/staff/audit and /api/v1/audit): scoped to the units they see, refused to everyone else.</summary>
public sealed class AuditSearchTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    private static async Task<JsonElement> ItemsAsync(StaffClient client, string query)
    {
        var response = await client.GetAsync("/api/v1/audit?" + query);
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {json}");
        return JsonDocument.Parse(json).RootElement.GetProperty("items").Clone();
    }

    [Fact]
    public async Task Supervisors_find_their_units_entries_a_supervisor_elsewhere_nothing_and_a_specialist_is_refused()
    {
        var filed = await AuditTestKit.FileAsync(factory, "audit-search-scope");
        using (var counter = await StaffClient.SignInAsync(factory, "motcua@motcua.demo"))
        {
            Assert.Equal(HttpStatusCode.OK, (await counter.GetAsync($"/api/v1/dossiers/{filed.Id}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await counter.Http.PostAsJsonAsync($"/api/v1/dossiers/{filed.Id}/accept", new { version = filed.Version })).StatusCode);
        }
        await TestStaff.EnsureAsync(factory, "giamsat.hk@motcua.test", StaffRole.Supervisor, UnitCodes.Commune2025(1), "Giám sát Hoàn Kiếm");
        await TestStaff.EnsureAsync(factory, "giamsat.khac@motcua.test", StaffRole.Supervisor, UnitCodes.Commune2025(2), "Giám sát nơi khác");
        using var ours = await StaffClient.SignInAsync(factory, "giamsat.hk@motcua.test");
        using var elsewhere = await StaffClient.SignInAsync(factory, "giamsat.khac@motcua.test");
        using var city = await StaffClient.SignInAsync(factory, "giamsat@motcua.demo");
        using var specialist = await StaffClient.SignInAsync(factory, "chuyenvien@motcua.demo");

        var found = await ItemsAsync(ours, $"object={filed.Id}");
        Assert.Contains(found.EnumerateArray(), e => e.GetProperty("action").GetString() == "dossier.view");
        Assert.Contains(found.EnumerateArray(), e => e.GetProperty("action").GetString() == "dossier.accept");
        var numbers = found.EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(numbers.OrderDescending(), numbers);
        Assert.Empty((await ItemsAsync(elsewhere, $"object={filed.Id}")).EnumerateArray());
        Assert.NotEmpty((await ItemsAsync(city, $"object={filed.Id}")).EnumerateArray());

        // The catalogue concerns no unit: only those who see the whole city find its changes.
        Assert.NotEmpty((await ItemsAsync(city, "action=procedure.")).EnumerateArray());
        Assert.Empty((await ItemsAsync(ours, "action=procedure.")).EnumerateArray());

        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.GetAsync($"/api/v1/audit?object={filed.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.GetAsync("/staff/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(new Uri("/api/v1/audit", UriKind.Relative))).StatusCode);

        var page = await ours.GetPageAsync($"/staff/audit?object={filed.Id}");
        Assert.Contains("dossier.view", page, StringComparison.Ordinal);
        Assert.Contains(filed.Reference, page, StringComparison.Ordinal);
        Assert.DoesNotContain("dossier.view", await elsewhere.GetPageAsync($"/staff/audit?object={filed.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_by_who_action_and_days_and_names_a_bad_date()
    {
        var filed = await AuditTestKit.FileAsync(factory, "audit-search-filters");
        using (var counter = await StaffClient.SignInAsync(factory, "motcua@motcua.demo"))
        {
            Assert.Equal(HttpStatusCode.OK, (await counter.GetAsync($"/api/v1/dossiers/{filed.Id}")).StatusCode);
        }
        using var city = await StaffClient.SignInAsync(factory, "giamsat@motcua.demo");
        Assert.NotEmpty((await ItemsAsync(city, $"object={filed.Id}&who={Uri.EscapeDataString("Thị Tiếp")}&action=dossier.view")).EnumerateArray());
        Assert.Empty((await ItemsAsync(city, $"object={filed.Id}&who={Uri.EscapeDataString("Người khác")}")).EnumerateArray());
        Assert.Empty((await ItemsAsync(city, $"object={filed.Id}&from=2099-01-01")).EnumerateArray());
        Assert.NotEmpty((await ItemsAsync(city, $"object={filed.Id}&from=2020-01-01&to=2099-12-31")).EnumerateArray());

        var bad = await city.GetAsync("/api/v1/audit?from=hôm-qua");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("from", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("error-summary", await city.GetPageAsync("/staff/audit?from=hôm-qua"), StringComparison.Ordinal);
    }
}
