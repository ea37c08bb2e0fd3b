using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Admin;

/// <summary>An administrator's calendar changes reach the deadlines at once; hours that do not make a day are refused.</summary>
public sealed class CalendarAdminTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    private static readonly string Ward = UnitCodes.Commune2025(1);

    private async Task<string> DueAtAsync(string receivedAt, string unit)
    {
        var text = await factory.CreateClient().GetStringAsync(new Uri(
            $"/api/v1/calendar/due-date?receivedAt={Uri.EscapeDataString(receivedAt)}&workingDays=1&unit={unit}", UriKind.Relative));
        return JsonDocument.Parse(text).RootElement.GetProperty("dueAt").GetString()!;
    }

    [Fact]
    public async Task A_working_saturday_moves_the_due_date_and_deleting_it_moves_it_back()
    {
        using var admin = await StaffClient.SignInAsync(factory, "admin@motcua.demo");
        // Friday after the cut-off: counts from Monday, due at the end of Monday.
        Assert.Equal("2026-03-09T17:00:00+07:00", await DueAtAsync("2026-03-06T16:00:00+07:00", Ward));

        var done = await admin.PostFormExpectingRedirectAsync($"/admin/calendar?unit={Ward}&year=2026",
            new() { ["Date"] = "2026-03-07", ["Kind"] = "working", ["Name"] = "Làm bù thứ Bảy" },
            action: $"/admin/calendar?handler=Add&unit={Ward}&year=2026");
        Assert.Contains("Làm bù thứ Bảy", await admin.GetPageAsync(done), StringComparison.Ordinal);
        Assert.Equal("2026-03-07T17:00:00+07:00", await DueAtAsync("2026-03-06T16:00:00+07:00", Ward));
        // Only this ward: the city and other wards still count from Monday.
        Assert.Equal("2026-03-09T17:00:00+07:00", await DueAtAsync("2026-03-06T16:00:00+07:00", UnitCodes.Commune2025(2)));

        var again = await admin.PostFormExpectingErrorsAsync($"/admin/calendar?unit={Ward}",
            new() { ["Date"] = "2026-03-07", ["Kind"] = "dayoff", ["Name"] = "Trùng" }, action: $"/admin/calendar?handler=Add&unit={Ward}");
        Assert.Contains("href=\"#Date\"", again, StringComparison.Ordinal);

        var id = await factory.WithDbAsync(db => db.CalendarOverrides.Where(o => o.Name == "Làm bù thứ Bảy").Select(o => o.Id).SingleAsync());
        await admin.PostFormExpectingRedirectAsync($"/admin/calendar?unit={Ward}", [], action: $"/admin/calendar?handler=Delete&id={id}&unit={Ward}");
        Assert.Equal("2026-03-09T17:00:00+07:00", await DueAtAsync("2026-03-06T16:00:00+07:00", Ward));
    }

    [Fact]
    public async Task The_city_calendar_lists_tet_and_takes_city_wide_days_off()
    {
        using var admin = await StaffClient.SignInAsync(factory, "admin@motcua.demo");
        var page = await admin.GetPageAsync("/admin/calendar?year=2026");
        Assert.Contains("17/02/2026", page, StringComparison.Ordinal);

        await admin.PostFormExpectingRedirectAsync("/admin/calendar?year=2026",
            new() { ["Date"] = "2026-03-10", ["Kind"] = "dayoff", ["Name"] = "Nghỉ toàn thành phố" }, action: "/admin/calendar?handler=Add&year=2026");
        Assert.Null(await factory.WithDbAsync(db => db.CalendarOverrides.Where(o => o.Name == "Nghỉ toàn thành phố").Select(o => o.UnitId).SingleAsync()));

        var missing = await admin.PostFormExpectingErrorsAsync("/admin/calendar", new() { ["Date"] = "10/13/2026" }, action: "/admin/calendar?handler=Add");
        foreach (var field in new[] { "Date", "Kind", "Name" })
        {
            Assert.Contains($"href=\"#{field}\"", missing, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Working_hours_that_end_before_they_start_are_refused_and_good_ones_apply()
    {
        using var admin = await StaffClient.SignInAsync(factory, "admin@motcua.demo");
        var ward = UnitCodes.Commune2025(3);
        var hours = await factory.WithDbAsync(db => db.UnitWorkingHours.CountAsync());
        var html = await admin.PostFormExpectingErrorsAsync($"/admin/calendar/hours?unit={ward}", new()
        {
            ["Unit"] = ward, ["MorningStart"] = "08:00", ["MorningEnd"] = "07:00", ["AfternoonStart"] = "13:00", ["AfternoonEnd"] = "12:30", ["CutOff"] = "18:00",
        });
        Assert.Contains("href=\"#MorningEnd\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#AfternoonEnd\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#CutOff\"", html, StringComparison.Ordinal);
        Assert.Equal(hours, await factory.WithDbAsync(db => db.UnitWorkingHours.CountAsync()));

        // A 16:00 cut-off: a dossier at 15:30 on Friday counts from then, not from Monday.
        await admin.PostFormExpectingRedirectAsync($"/admin/calendar/hours?unit={ward}", new()
        {
            ["Unit"] = ward, ["MorningStart"] = "08:00", ["MorningEnd"] = "12:00", ["AfternoonStart"] = "13:00", ["AfternoonEnd"] = "17:00", ["CutOff"] = "16:00",
        });
        Assert.Equal("2026-03-09T15:30:00+07:00", await DueAtAsync("2026-03-06T15:30:00+07:00", ward));
        Assert.Equal("2026-03-09T17:00:00+07:00", await DueAtAsync("2026-03-06T15:30:00+07:00", UnitCodes.Commune2025(4)));
        Assert.Contains("riêng", await admin.GetPageAsync($"/admin/calendar/hours?unit={ward}"), StringComparison.Ordinal);
    }
}
