using System.Globalization;
using MotCua.Domain.Calendar;
using MotCua.Domain.Catalog;
using MotCua.Web.Features.Organization;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Calendar;

/// <summary>The public calendar API: holidays, lunar dates and due dates, as any agency's system may ask.</summary>
public static class CalendarApi
{
    private const int MinYear = 1900;
    private const int MaxYear = 2199;
    private const decimal MaxWorkingDays = 1000;

    public static WebApplication MapCalendarApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/calendar").AllowAnonymous().WithTags("Calendar").RequireRateLimiting(Infrastructure.PublicRateLimits.PublicApi);

        api.MapGet("/holidays", async (string? year, string? unit, UnitCalendars calendars, UnitDirectory units, CancellationToken ct) =>
        {
            if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < MinYear or > MaxYear)
                return Bad("year", $"Năm phải là số từ {MinYear} đến {MaxYear}.", $"The year must be a number from {MinYear} to {MaxYear}.");
            var (unitId, error) = await ResolveUnitAsync(unit, units, ct);
            if (error is not null) return error;
            var calendar = await calendars.ForUnitAsync(unitId, ct);
            return Results.Ok(new
            {
                year = y,
                unit,
                days = calendar.Holidays(y).Select(d => new
                {
                    date = d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    name = d.Name,
                    kind = d.Kind.ToString().ToLowerInvariant(),
                    dayOff = d.IsDayOff,
                }),
            });
        });

        api.MapGet("/lunar", (string? date) =>
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day.Year is < MinYear or > MaxYear)
                return Bad("date", $"Ngày phải có dạng yyyy-MM-dd, năm từ {MinYear} đến {MaxYear}.", $"The date must be yyyy-MM-dd with a year from {MinYear} to {MaxYear}.");
            var lunar = VietnameseLunarCalendar.FromSolar(day);
            return Results.Ok(new
            {
                date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                lunarDay = lunar.Day,
                lunarMonth = lunar.Month,
                lunarYear = lunar.Year,
                isLeapMonth = lunar.IsLeapMonth,
                yearName = VietnameseLunarCalendar.YearName(lunar.Year),
                text = lunar.ToString(),
            });
        });

        api.MapGet("/due-date", async (string? receivedAt, string? workingDays, string? workingHours, string? unit,
            UnitCalendars calendars, UnitDirectory units, CancellationToken ct) =>
        {
            if (!TryParseInstant(receivedAt, out var received))
                return Bad("receivedAt", "Thời điểm tiếp nhận phải theo ISO 8601 có múi giờ, ví dụ 2026-03-02T09:00:00+07:00.",
                    "receivedAt must be ISO 8601 with an offset, e.g. 2026-03-02T09:00:00+07:00.");
            var (amount, unitOfTime, amountError) = ParseAmount(workingDays, workingHours);
            if (amountError is not null) return amountError;
            var (unitId, error) = await ResolveUnitAsync(unit, units, ct);
            if (error is not null) return error;
            var calendar = await calendars.ForUnitAsync(unitId, ct);
            DeadlineResult result;
            try
            {
                result = calendar.DueDate(received, amount, unitOfTime);
            }
            catch (ArgumentOutOfRangeException)
            {
                return Bad("receivedAt", "Thời hạn vượt ngoài phạm vi lịch được hỗ trợ.", "The deadline falls outside the supported calendar range.");
            }
            return Results.Ok(new
            {
                receivedAt = VietnamTime.Iso(result.ReceivedAt),
                countsFrom = VietnamTime.Iso(result.CountsFrom),
                dueAt = VietnamTime.Iso(result.DueAt),
                workingDays = unitOfTime == TimeUnit.WorkingDays ? amount : (decimal?)null,
                workingHours = unitOfTime == TimeUnit.WorkingHours ? amount : (decimal?)null,
                unit,
            });
        });
        return app;
    }

    private static (decimal, TimeUnit, IResult?) ParseAmount(string? days, string? hours)
    {
        if (days is not null && hours is not null)
            return (0, TimeUnit.WorkingDays, Bad("workingDays", "Chỉ nêu một trong workingDays hoặc workingHours.", "Give either workingDays or workingHours, not both."));
        var name = hours is not null ? "workingHours" : "workingDays";
        var text = hours ?? days;
        var max = hours is not null ? MaxWorkingDays * 8 : MaxWorkingDays;
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount <= 0 || amount > max)
            return (0, TimeUnit.WorkingDays, Bad(name, $"Phải là số dương không quá {max}.", $"Must be a positive number no greater than {max}."));
        return (amount, hours is not null ? TimeUnit.WorkingHours : TimeUnit.WorkingDays, null);
    }

    private static bool TryParseInstant(string? text, out DateTimeOffset value)
    {
        value = default;
        // An offset is required: a bare local time is ambiguous between servers, and a deadline must not guess.
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40) return false;
        var t = text.Trim();
        var hasOffset = t.EndsWith('Z') || t.LastIndexOfAny(['+', '-']) > 10;
        return hasOffset && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
            && value.Year is >= MinYear and <= MaxYear;
    }

    private static async Task<(Guid?, IResult?)> ResolveUnitAsync(string? code, UnitDirectory units, CancellationToken ct)
    {
        if (code is null) return (null, null);
        var tree = await units.TodayAsync(ct);
        var unit = code.Length <= 32 ? tree.FindByCode(code.Trim()) : null;
        return unit is null
            ? (null, Bad("unit", "Không có đơn vị đang hoạt động với mã này.", "No active unit has this code."))
            : (unit.Id, null);
    }

    private static IResult Bad(string parameter, string vi, string en) => Results.Problem(ApiProblems.Parameter(parameter, vi, en));
}
