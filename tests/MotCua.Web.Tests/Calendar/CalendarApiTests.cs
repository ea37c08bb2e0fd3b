using System.Net;
using System.Text.Json;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Calendar;

[Collection(CityCollection.Name)]
public sealed class CalendarApiTests(MotCuaFactory factory)
{
    private async Task<JsonElement> GetJson(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{url}: {response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task One_working_day_from_monday_nine_is_tuesday_nine()
    {
        var body = await GetJson("/api/v1/calendar/due-date?receivedAt=2026-03-02T09:00:00%2B07:00&workingDays=1");
        Assert.Equal("2026-03-02T09:00:00+07:00", body.GetProperty("countsFrom").GetString());
        Assert.Equal("2026-03-03T09:00:00+07:00", body.GetProperty("dueAt").GetString());
    }

    [Fact]
    public async Task After_the_afternoon_cut_off_counting_starts_next_working_day()
    {
        // Friday 16:00 → counts from Monday 08:00 → one whole working day → the end of Monday.
        var body = await GetJson("/api/v1/calendar/due-date?receivedAt=2026-03-06T16:00:00%2B07:00&workingDays=1");
        Assert.Equal("2026-03-09T08:00:00+07:00", body.GetProperty("countsFrom").GetString());
        Assert.Equal("2026-03-09T17:00:00+07:00", body.GetProperty("dueAt").GetString());
    }

    [Fact]
    public async Task Utc_input_is_answered_in_vietnam_time()
    {
        var body = await GetJson("/api/v1/calendar/due-date?receivedAt=2026-03-02T02:00:00Z&workingDays=2");
        Assert.Equal("2026-03-02T09:00:00+07:00", body.GetProperty("receivedAt").GetString());
        Assert.Equal("2026-03-04T09:00:00+07:00", body.GetProperty("dueAt").GetString());
    }

    [Fact]
    public async Task Tet_2026_is_in_the_holidays_and_lunar_new_year_is_bính_ngọ()
    {
        var holidays = await GetJson("/api/v1/calendar/holidays?year=2026");
        Assert.Equal(2026, holidays.GetProperty("year").GetInt32());
        var days = holidays.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("date").GetString()).ToList();
        Assert.Contains("2026-01-01", days);
        Assert.Contains("2026-02-17", days);
        Assert.Contains("2026-04-30", days);
        Assert.Contains("2026-09-02", days);

        var lunar = await GetJson("/api/v1/calendar/lunar?date=2026-02-17");
        Assert.Equal(1, lunar.GetProperty("lunarDay").GetInt32());
        Assert.Equal(1, lunar.GetProperty("lunarMonth").GetInt32());
        Assert.Equal(2026, lunar.GetProperty("lunarYear").GetInt32());
        Assert.False(lunar.GetProperty("isLeapMonth").GetBoolean());
        Assert.Equal("Bính Ngọ", lunar.GetProperty("yearName").GetString());
    }

    [Fact]
    public async Task A_unit_code_selects_that_units_calendar()
    {
        var body = await GetJson("/api/v1/calendar/due-date?receivedAt=2026-03-02T09:00:00%2B07:00&workingDays=1&unit=000.00.02.H26");
        Assert.Equal("2026-03-03T09:00:00+07:00", body.GetProperty("dueAt").GetString());
    }

    [Theory]
    [InlineData("/api/v1/calendar/holidays?year=abc", "year")]
    [InlineData("/api/v1/calendar/holidays", "year")]
    [InlineData("/api/v1/calendar/holidays?year=99999", "year")]
    [InlineData("/api/v1/calendar/holidays?year=2026&unit=000.99.99.H99", "unit")]
    [InlineData("/api/v1/calendar/lunar?date=17-02-2026", "date")]
    [InlineData("/api/v1/calendar/lunar?date=2026-02-30", "date")]
    [InlineData("/api/v1/calendar/due-date?receivedAt=2026-03-02T09:00:00&workingDays=1", "receivedAt")]
    [InlineData("/api/v1/calendar/due-date?workingDays=1", "receivedAt")]
    [InlineData("/api/v1/calendar/due-date?receivedAt=2026-03-02T09:00:00%2B07:00&workingDays=-1", "workingDays")]
    [InlineData("/api/v1/calendar/due-date?receivedAt=2026-03-02T09:00:00%2B07:00&workingDays=abc", "workingDays")]
    [InlineData("/api/v1/calendar/due-date?receivedAt=2026-03-02T09:00:00%2B07:00&workingDays=1&unit=nope", "unit")]
    public async Task Bad_parameters_get_a_problem_naming_the_parameter(string url, string parameter)
    {
        var response = await factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), await response.Content.ReadAsStringAsync());
    }
}
