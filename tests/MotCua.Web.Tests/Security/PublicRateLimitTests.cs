using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Security;

/// <summary>The product with small per-address limits on the anonymous API.</summary>
public sealed class TightLimitsFactory : MotCuaFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("MotCua:RateLimits:SubmissionsPerMinute", "2");
        builder.UseSetting("MotCua:RateLimits:PublicApiPerMinute", "3");
    }
}

public sealed class PublicRateLimitTests(TightLimitsFactory factory) : IClassFixture<TightLimitsFactory>
{
    [Fact]
    public async Task Filings_over_the_api_past_the_limit_get_429_with_retry_after_and_are_counted_whatever_their_content()
    {
        using var client = factory.CreateClient();
        async Task<HttpResponseMessage> Send(int i)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers") { Content = JsonContent.Create(new { procedureCode = "0.000000" }) };
            request.Headers.Add("Idempotency-Key", $"limit-{i}");
            return await client.SendAsync(request);
        }
        // Refused for its content (no such procedure) but counted: the limit is on attempts, not on successes.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await Send(1)).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await Send(2)).StatusCode);
        var refused = await Send(3);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 60);
    }

    [Fact]
    public async Task Open_reads_past_the_limit_get_429_with_retry_after()
    {
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add((await client.GetAsync("/api/v1/calendar/holidays?year=2026")).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        var refused = await client.GetAsync("/api/v1/units/");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        // The units API shares the open-read budget of this address.
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
    }
}
