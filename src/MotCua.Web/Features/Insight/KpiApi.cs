using Microsoft.Extensions.Localization;
using MotCua.Domain.Insight;
using MotCua.Web.Features.Identity;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Insight;

/// <summary>
/// The staff KPI API: the scorecard of a unit (and below), a level or the caller's whole reach; the units side by side
/// and ranked; the monthly trend; the list behind any number. Each answers JSON, or CSV with <c>format=csv</c>.
/// Supervisors and administrators only, each within their units (another unit is a 404).
/// </summary>
public static class KpiApi
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api/v1/kpis").RequireAuthorization(StaffPolicies.Staff).WithTags("KPIs");

        api.MapGet("/scorecard", async (string? period, Guid? unit, string? level, string? format, KpiScopes scopes, KpiReader reader,
            IStringLocalizer<MotCuaOptions> t, TimeProvider clock, CancellationToken ct) =>
        {
            var parsed = Parse(period, level, clock);
            if (parsed.Problem is { } problem) return problem;
            var p = parsed.Period!;
            var (scope, error) = await scopes.ResolveAsync(unit, level, p, ct);
            if (scope is null) return Denied(error);
            var card = await reader.CardAsync(scope, p, ct);
            if (KpiCsv.Wanted(format))
                return KpiCsv.File($"kpi-{p.Text}", KpiJson.IndicatorHeader, card.Scores.Select(s => KpiJson.IndicatorRow(s, t)));
            var previous = p.Previous();
            var before = await reader.CardAsync(scope, previous, ct);
            var peers = await KpiPeers.OfAsync(scopes, reader, scope, p, ct);
            return Results.Ok(new
            {
                period = p.Text,
                scope = Scope(scope),
                total = KpiScoring.Shown(card.Total),
                // The same scope's last period, group by group and indicator by indicator, for the comparison.
                previous = new
                {
                    period = previous.Text, total = KpiScoring.Shown(before.Total), groups = KpiJson.Groups(before),
                    points = before.Scores.ToDictionary(s => s.Definition.Key, s => KpiScoring.Shown(s.Points)),
                    rates = before.Scores.ToDictionary(s => s.Definition.Key, s => KpiJson.Rate(s.Rate)),
                },
                // A unit among the units of its level within reach (null for a level or the whole reach).
                peers = peers is null ? null : new
                {
                    level = peers.Level, rank = peers.Rank, of = peers.Of, average = KpiScoring.Shown(peers.Average), best = KpiScoring.Shown(peers.Best),
                },
                averageProcessingDays = card.Counts.AverageProcessingDays is { } days ? Math.Round(days, 2, MidpointRounding.AwayFromZero) : (decimal?)null,
                groups = KpiJson.Groups(card),
                indicators = card.Scores.Select(s => KpiJson.Indicator(s, t)),
                counts = card.Counts,
            });
        });

        api.MapGet("/units", async (string? period, Guid? unit, string? level, string? format, KpiScopes scopes, KpiReader reader,
            TimeProvider clock, CancellationToken ct) =>
        {
            var parsed = Parse(period, level, clock);
            if (parsed.Problem is { } problem) return problem;
            var p = parsed.Period!;
            var (scope, error) = await scopes.ResolveAsync(unit, level, p, ct);
            if (scope is null) return Denied(error);
            var cards = await reader.PerUnitAsync(scope.Units, p, ct);
            var ranked = cards.OrderByDescending(c => c.Value.Total).ThenBy(c => Name(scope, c.Key), StringComparer.Ordinal).Select((c, i) => new
            {
                rank = i + 1, unit = c.Key, code = scope.Names.GetValueOrDefault(c.Key)?.Code, name = Name(scope, c.Key),
                level = scope.Names.GetValueOrDefault(c.Key)?.Level, total = KpiScoring.Shown(c.Value.Total),
                received = c.Value.Counts.Received, points = c.Value.Scores.Where(s => s.Definition.IsScored).ToDictionary(s => s.Definition.Key, s => KpiScoring.Shown(s.Points)),
                rates = c.Value.Scores.ToDictionary(s => s.Definition.Key, s => KpiJson.Rate(s.Rate)),
            }).ToList();
            if (KpiCsv.Wanted(format))
            {
                var keys = KpiCatalog.All.Where(d => d.IsScored).Select(d => d.Key).ToList();
                return KpiCsv.File($"kpi-units-{p.Text}", ["rank", "unit_id", "code", "name", "level", "total", "received", .. keys],
                    ranked.Select(r => new object?[] { r.rank, r.unit, r.code, r.name, r.level, r.total, r.received }.Concat(keys.Select(k => (object?)r.points[k]))));
            }
            return Results.Ok(new { period = p.Text, scope = Scope(scope), units = ranked });
        });

        api.MapGet("/trend", async (string? period, Guid? unit, string? level, string? format, KpiScopes scopes, KpiReader reader,
            TimeProvider clock, CancellationToken ct) =>
        {
            var parsed = Parse(period ?? VietnamTime.Today(clock).Year.ToString(System.Globalization.CultureInfo.InvariantCulture), level, clock);
            if (parsed.Problem is { } problem) return problem;
            var p = parsed.Period!;
            var (scope, error) = await scopes.ResolveAsync(unit, level, p, ct);
            if (scope is null) return Denied(error);
            var months = (await reader.TrendAsync(scope, p, ct)).Select(m => new
            {
                month = KpiPeriod.FirstDay(m.Month).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                total = KpiScoring.Shown(m.Card.Total),
                received = m.Card.Counts.Received,
                onTimeRate = KpiJson.Rate(m.Card.Scores.Single(s => s.Definition.Key == KpiCatalog.OnTime).Rate),
                onlineRate = KpiJson.Rate(m.Card.Scores.Single(s => s.Definition.Key == KpiCatalog.OnlineDossiers).Rate),
            }).ToList();
            if (KpiCsv.Wanted(format))
                return KpiCsv.File($"kpi-trend-{p.Text}", ["month", "total", "received", "on_time_rate", "online_rate"],
                    months.Select(m => new object?[] { m.month, m.total, m.received, m.onTimeRate, m.onlineRate }));
            return Results.Ok(new { period = p.Text, scope = Scope(scope), months });
        });

        api.MapGet("/drilldown", async (string? indicator, string? part, string? period, Guid? unit, string? level, int? page, string? format,
            KpiScopes scopes, KpiDrilldown drill, TimeProvider clock, CancellationToken ct) =>
        {
            if (KpiCatalog.Find(indicator) is not { } definition || !KpiDrilldown.Supports(definition.Key))
                return Results.Problem(ApiProblems.Parameter("indicator", "Chỉ tiêu không có danh sách hồ sơ (xem docs/kpis.md).", "No list behind this indicator (see docs/kpis.md)."));
            if (part is not (null or "numerator" or "denominator"))
                return Results.Problem(ApiProblems.Parameter("part", "numerator hoặc denominator.", "numerator or denominator."));
            if (page is < 1) return Results.Problem(ApiProblems.Parameter("page", "Trang từ 1.", "Pages start at 1."));
            var parsed = Parse(period, level, clock);
            if (parsed.Problem is { } problem) return problem;
            var p = parsed.Period!;
            var (scope, error) = await scopes.ResolveAsync(unit, level, p, ct);
            if (scope is null) return Denied(error);
            var (rows, total) = await drill.RowsAsync(definition.Key, part != "denominator", scope.Units, p, page ?? 1, ct);
            if (KpiCsv.Wanted(format))
                return KpiCsv.File($"kpi-{definition.Key}-{p.Text}", ["kind", "id", "code", "procedure", "unit_id", "status", "received_at", "outcome", "channel"],
                    rows.Select(r => new object?[] { r.Kind, r.Id, r.Code, r.Procedure, r.UnitId, r.Status, r.ReceivedAt, r.Outcome, r.Channel }));
            return Results.Ok(new
            {
                indicator = definition.Key, part = part ?? "numerator", period = p.Text, scope = Scope(scope), total, page = page ?? 1,
                hasNext = (page ?? 1) * KpiDrilldown.PageSize < total, items = rows,
            });
        });

        KpiEnteredApi.Map(api);
        KpiOverdueApi.Map(api);
    }

    internal sealed record Parsed(KpiPeriod? Period, IResult? Problem);

    internal static Parsed Parse(string? period, string? level, TimeProvider clock)
    {
        KpiPeriod p;
        if (string.IsNullOrWhiteSpace(period))
        {
            var today = VietnamTime.Today(clock);
            p = KpiPeriod.Month(today.Year, today.Month);
        }
        else if (!KpiPeriod.TryParse(period, out p))
            return new(null, Results.Problem(ApiProblems.Parameter("period", "Kỳ dạng 2026-03, 2026-Q1 hoặc 2026.", "A period as 2026-03, 2026-Q1 or 2026.")));
        if (level is not null && !KpiLevels.IsKnown(level))
            return new(null, Results.Problem(ApiProblems.Parameter("level", "Cấp: city, district hoặc commune.", "Level: city, district or commune.")));
        return new(p, null);
    }

    internal static IResult Denied(KpiScopeError error) => error == KpiScopeError.UnitNotVisible ? Results.NotFound() : Results.Forbid();

    private static object Scope(KpiScope s) => new
    {
        kind = s.Kind, unit = s.UnitId, level = s.Level,
        name = s.UnitId is { } id ? s.Names.GetValueOrDefault(id)?.Name : null,
        units = s.Units?.Count,
    };

    private static string Name(KpiScope scope, Guid unit) => scope.Names.GetValueOrDefault(unit)?.Name ?? unit.ToString();
}
