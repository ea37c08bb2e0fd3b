using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers;

/// <summary>The officer's inbox lists open tasks of the units the officer may see, with counts; nobody else's.</summary>
public sealed class InboxApiTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    private async Task AcceptedDossiersAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await factory.WithScopeAsync(async sp =>
            {
                var unit = (await sp.GetRequiredService<UnitDirectory>().TodayAsync()).FindByCode(UnitCodes.Commune2025(1))!.Id;
                var service = sp.GetRequiredService<DossierService>();
                var filed = await BirthFiling.FileAsync(service, unit, "inbox-" + i);
                return await service.AcceptAsync(filed.Id, filed.Version, Actor.Staff("officer", "Lê Thị Tiếp"), CancellationToken.None);
            });
        }
    }

    private static async Task<JsonElement> InboxAsync(StaffClient client, string view = "unit")
    {
        var response = await client.GetAsync("/api/v1/inbox?view=" + view);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task Officers_of_the_unit_and_supervisors_above_see_the_open_tasks_with_counts()
    {
        await AcceptedDossiersAsync(2);

        using var specialist = await StaffClient.SignInAsync(factory, "chuyenvien@motcua.demo");
        var inbox = await InboxAsync(specialist);
        Assert.Equal(2, inbox.GetProperty("counts").GetProperty("unit").GetInt32());
        Assert.Equal(0, inbox.GetProperty("counts").GetProperty("mine").GetInt32());
        Assert.Equal(0, inbox.GetProperty("counts").GetProperty("overdue").GetInt32());
        var item = inbox.GetProperty("items")[0];
        Assert.Equal("examine", item.GetProperty("step").GetString());
        Assert.Equal(4, item.GetProperty("status").GetInt32());
        Assert.Matches(@"^000\.01\.60\.H26-\d{6}-\d{4}$", item.GetProperty("code").GetString());
        Assert.Empty((await InboxAsync(specialist, "mine")).GetProperty("items").EnumerateArray());

        using var supervisor = await StaffClient.SignInAsync(factory, "giamsat@motcua.demo");
        Assert.Equal(2, (await InboxAsync(supervisor)).GetProperty("counts").GetProperty("unit").GetInt32());
    }

    [Fact]
    public async Task The_inbox_is_for_signed_in_staff_and_names_a_bad_view()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(new Uri("/api/v1/inbox", UriKind.Relative))).StatusCode);
        using var specialist = await StaffClient.SignInAsync(factory, "chuyenvien@motcua.demo");
        var bad = await specialist.GetAsync("/api/v1/inbox?view=everything");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"view\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
