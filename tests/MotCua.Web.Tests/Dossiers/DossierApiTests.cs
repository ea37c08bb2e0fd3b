using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Dossiers;

public sealed class DossierApiFactory : MotCuaFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("MotCua:RateLimits:PublicLookupPerMinute", "8");
    }
}

/// <summary>Filing, public lookup and reception over the JSON API, as an agency system or the portal would use it.</summary>
public sealed class DossierApiTests(DossierApiFactory factory) : IClassFixture<DossierApiFactory>
{
    private static readonly JsonObject Owner = new()
    {
        ["kind"] = "citizen", ["fullName"] = "Nguyễn Văn An", ["idNumber"] = "001089012345", ["phone"] = "0912345678", ["address"] = "12 Hàng Bạc",
    };

    private static JsonObject Body(JsonObject? answers = null, JsonObject? owner = null) => new()
    {
        ["procedureCode"] = "1.001193",
        ["receivingUnit"] = UnitCodes.Commune2025(1),
        ["owner"] = (owner ?? Owner).DeepClone(),
        ["answers"] = answers ?? Forms.SeededForms.ValidAnswers(Forms.SeededForms.Form("1.001193")),
    };

    private async Task<HttpResponseMessage> FileAsync(HttpClient client, JsonObject body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/dossiers", UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    [Fact]
    public async Task Filing_needs_an_idempotency_key_and_valid_answers_and_files_once()
    {
        var client = factory.CreateClient();
        var noKey = await FileAsync(client, Body(), null);
        Assert.Equal(HttpStatusCode.BadRequest, noKey.StatusCode);
        Assert.True((await Json(noKey)).GetProperty("errors").TryGetProperty("Idempotency-Key", out _));

        var before = await factory.WithDbAsync(db => db.Dossiers.CountAsync());
        var badOwner = (JsonObject)Owner.DeepClone();
        badOwner["idNumber"] = "12";
        var invalid = await FileAsync(client, Body(new JsonObject(), badOwner), "api-bad");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await Json(invalid)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("owner.idNumber", out _));
        Assert.Contains(errors.EnumerateObject(), e => e.Name.StartsWith("answers.", StringComparison.Ordinal));
        Assert.Equal(before, await factory.WithDbAsync(db => db.Dossiers.CountAsync()));

        var filed = await FileAsync(client, Body(), "api-once");
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var again = await FileAsync(client, Body(), "api-once");
        Assert.Equal((await Json(filed)).GetProperty("id").GetGuid(), (await Json(again)).GetProperty("id").GetGuid());
        Assert.Equal(1, (await Json(filed)).GetProperty("status").GetInt32());
        Assert.Equal(before + 1, await factory.WithDbAsync(db => db.Dossiers.CountAsync()));
    }

    [Fact]
    public async Task Only_a_counter_officer_of_the_receiving_unit_accepts_and_a_stale_version_is_a_conflict()
    {
        var filed = await Json(await FileAsync(factory.CreateClient(), Body(), "api-accept"));
        var id = filed.GetProperty("id").GetGuid();
        var action = new { version = filed.GetProperty("version").GetInt32() };

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync($"/api/v1/dossiers/{id}/accept", action)).StatusCode);
        using (var specialist = await StaffClient.SignInAsync(factory, "chuyenvien@motcua.demo"))
        {
            // The specialist sees the unit's dossiers, so the answer is "not yours to do", not "no such dossier".
            Assert.Equal(HttpStatusCode.Forbidden, (await specialist.Http.PostAsJsonAsync($"/api/v1/dossiers/{id}/accept", action)).StatusCode);
        }
        using var counter = await StaffClient.SignInAsync(factory, "motcua@motcua.demo");
        Assert.Equal(HttpStatusCode.NotFound, (await counter.Http.PostAsJsonAsync($"/api/v1/dossiers/{Guid.NewGuid()}/accept", action)).StatusCode);

        var accepted = await counter.Http.PostAsJsonAsync($"/api/v1/dossiers/{id}/accept", action);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var body = await Json(accepted);
        Assert.Matches(@"^000\.01\.60\.H26-\d{6}-\d{4}$", body.GetProperty("code").GetString());
        Assert.Equal(4, body.GetProperty("status").GetInt32());
        Assert.EndsWith("+07:00", body.GetProperty("dueAt").GetString(), StringComparison.Ordinal);

        var stale = await counter.Http.PostAsJsonAsync($"/api/v1/dossiers/{id}/refuse", new { version = action.version, reason = "Không thuộc thẩm quyền" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var noReason = await counter.Http.PostAsJsonAsync($"/api/v1/dossiers/{id}/refuse", new { version = body.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
    }

    [Fact]
    public async Task The_public_lookup_needs_the_code_and_the_phone_or_id_and_is_rate_limited()
    {
        var client = factory.CreateClient();
        var reference = (await Json(await FileAsync(client, Body(), "api-lookup"))).GetProperty("reference").GetString()!;

        var found = await client.GetAsync(new Uri($"/api/v1/dossiers/lookup?code={reference}&phone=0912345678", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var body = await Json(found);
        Assert.Equal(1, body.GetProperty("status").GetInt32());
        Assert.NotEmpty(body.GetProperty("history").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/api/v1/dossiers/lookup?code={reference}&idNumber=001089012345", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/api/v1/dossiers/lookup?code={reference}&phone=0999999999", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/api/v1/dossiers/lookup?code=HS-000000-AAAAAAAA&phone=0912345678", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(new Uri($"/api/v1/dossiers/lookup?code={reference}", UriKind.Relative))).StatusCode);

        HttpResponseMessage last;
        var tries = 0;
        do { last = await client.GetAsync(new Uri($"/api/v1/dossiers/lookup?code={reference}&phone=0912345678", UriKind.Relative)); }
        while (last.StatusCode != HttpStatusCode.TooManyRequests && ++tries < 20);
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.True(last.Headers.Contains("Retry-After"));
    }
}
