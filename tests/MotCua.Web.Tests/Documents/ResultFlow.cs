using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organization;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Tests.Dossiers;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Documents;

/// <summary>A birth registration taken over the API to the point where the result is issued: accepted, examined, approved by the leader.</summary>
internal static class ResultFlow
{
    public const string Counter = "motcua@motcua.demo";

    /// <summary>The dossier's id and version, approved and waiting for its result at the counter.</summary>
    public static async Task<(Guid Id, int Version)> ApprovedAsync(MotCuaFactory factory, string key)
    {
        var filed = await factory.WithScopeAsync(async sp =>
        {
            var unit = (await sp.GetRequiredService<UnitDirectory>().TodayAsync()).FindByCode(UnitCodes.Commune2025(1))!.Id;
            return await BirthFiling.FileAsync(sp.GetRequiredService<DossierService>(), unit, key);
        });
        using var counter = await StaffClient.SignInAsync(factory, Counter);
        using var specialist = await StaffClient.SignInAsync(factory, "chuyenvien@motcua.demo");
        using var leader = await StaffClient.SignInAsync(factory, "lanhdao@motcua.demo");
        var v = await ActAsync(counter, filed.Id, "accept", new { version = filed.Version });
        v = await ActAsync(specialist, filed.Id, "claim", new { version = v });
        v = await ActAsync(specialist, filed.Id, "forward", new { version = v });
        return (filed.Id, await ActAsync(leader, filed.Id, "approve", new { version = v }));
    }

    public static async Task<int> ActAsync(StaffClient client, Guid id, string action, object body)
    {
        var response = await client.Http.PostAsJsonAsync($"/api/v1/dossiers/{id}/{action}", body);
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode} {json}");
        return JsonDocument.Parse(json).RootElement.GetProperty("version").GetInt32();
    }
}
