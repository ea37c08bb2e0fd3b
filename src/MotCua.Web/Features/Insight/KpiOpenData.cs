using System.Globalization;
using MotCua.Domain.Insight;
using MotCua.Web.Features.Insight.Data;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Insight;

/// <summary>
/// Open data: every unit's aggregates for a period (counts, rates, points), JSON or CSV, for anyone. Only sums of
/// dossiers and reports leave here — no dossier, person or list behind a number.
/// </summary>
public static class KpiOpenData
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/v1/open-data/kpis", async (string? period, string? level, string? format, KpiScopes scopes, KpiReader reader,
            TimeProvider clock, CancellationToken ct) =>
        {
            var parsed = KpiApi.Parse(period, level, clock);
            if (parsed.Problem is { } problem) return problem;
            var p = parsed.Period!;
            var names = await scopes.NamesAsync(p, ct);
            var units = level is null ? null : names.Values.Where(n => n.Level == level).Select(n => n.Id).ToHashSet();
            var cards = await reader.PerUnitAsync(units, p, ct);
            var city = await reader.CardAsync(units, p, ct, level is null ? null : KpiProcedureCount.LevelScope(level));
            var rows = cards.Where(c => names.ContainsKey(c.Key)).OrderBy(c => names[c.Key].Code, StringComparer.Ordinal).Select(c => Row(names[c.Key], c.Value)).ToList();
            if (KpiCsv.Wanted(format))
                return KpiCsv.File($"open-data-kpi-{p.Text}", Header, rows.Select(r => r.Cells));
            return Results.Ok(new
            {
                period = p.Text,
                generatedAt = VietnamTime.Iso(clock.GetUtcNow()),
                total = KpiScoring.Shown(city.Total),
                received = city.Counts.Received,
                units = rows.Select(r => r.Json),
            });
        }).AllowAnonymous().RequireRateLimiting(PublicRateLimits.PublicApi).WithTags("Open data");
    }

    private static readonly string[] Header =
        ["code", "name", "level", "received", "on_time", "judged", "online", "fee_bearing", "paid_online", "finished", "electronic_result",
         "feedback_received", "feedback_on_time", "total_points"];

    private static (object Json, object?[] Cells) Row(KpiUnit unit, KpiCard card)
    {
        var c = card.Counts;
        var onTime = c.Early + c.OnTime + c.OpenInTime;
        var feedbackOnTime = c.FeedbackOnTime + c.FeedbackOpenInTime;
        var total = KpiScoring.Shown(card.Total);
        return (new
        {
            code = unit.Code, name = unit.Name, level = unit.Level, received = c.Received, onTime, judged = c.Judged, online = c.OnlineFull,
            feeBearing = c.FeeBearing, paidOnline = c.PaidOnline, finished = c.Finished, electronicResult = c.ElectronicResult,
            feedbackReceived = c.FeedbackReceived, feedbackOnTime, totalPoints = total,
            onTimeRate = KpiJson.Rate(KpiScoring.Rate(onTime, c.Judged)),
        }, [unit.Code, unit.Name, unit.Level, c.Received, onTime, c.Judged, c.OnlineFull, c.FeeBearing, c.PaidOnline, c.Finished, c.ElectronicResult,
            c.FeedbackReceived, feedbackOnTime, total.ToString(CultureInfo.InvariantCulture)]);
    }
}
