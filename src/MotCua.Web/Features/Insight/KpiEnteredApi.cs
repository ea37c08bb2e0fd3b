using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Insight;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Insight.Data;
using MotCua.Web.Infrastructure;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Insight;

/// <summary>What an administrator enters for an indicator whose data lives outside the product.</summary>
public sealed record KpiEntryRequest(Guid? Unit, string? Month, string? Key, long? Numerator, long? Denominator);

/// <summary>
/// The figures entered by administrators (transparency, data reuse, use of the document store): read by
/// supervisors within their reach, entered by an administrator of the unit, each entry audited with the change.
/// </summary>
public static class KpiEnteredApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/entered", async (string? period, Guid? unit, KpiScopes scopes, MotCuaDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var parsed = KpiApi.Parse(period, null, clock);
            if (parsed.Problem is { } problem) return problem;
            var p = parsed.Period!;
            var (scope, error) = await scopes.ResolveAsync(unit, null, p, ct);
            if (scope is null) return KpiApi.Denied(error);
            var q = db.Set<KpiEnteredValue>().AsNoTracking().Where(v => v.Month >= p.FirstMonth && v.Month <= p.LastMonth);
            if (scope.Units is { } units) q = q.Where(v => units.Contains(v.UnitId));
            var rows = await q.OrderBy(v => v.Month).ThenBy(v => v.Key).ToListAsync(ct);
            return Results.Ok(new
            {
                period = p.Text,
                items = rows.Select(v => new
                {
                    unit = v.UnitId, month = Month(v.Month), key = v.Key, numerator = v.Numerator, denominator = v.Denominator,
                    enteredBy = v.EnteredBy, enteredAt = VietnamTime.Iso(v.EnteredAt),
                }),
            });
        });

        api.MapPost("/entered", async (KpiEntryRequest? body, UnitScope scope, MotCuaDbContext db, IAuditLog audit, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            if (!await scope.IsAdministratorAsync(ct)) return Results.Forbid();
            if (Problem(body) is { } problem) return problem;
            var unit = body!.Unit!.Value;
            if (!await scope.CanManageAsync(unit, ct)) return await scope.CanSeeAsync(unit, ct) ? Results.Forbid() : Results.NotFound();
            KpiPeriod.TryParse(body.Month, out var month);
            var key = KpiCatalog.Find(body.Key)!.Key;
            var by = http.User.FindFirst(StaffClaims.FullName)?.Value ?? "";
            var now = clock.GetUtcNow();
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var row = await db.Set<KpiEnteredValue>().SingleOrDefaultAsync(v => v.UnitId == unit && v.Month == month.FirstMonth && v.Key == key, ct);
                if (row is null) db.Add(row = new KpiEnteredValue { Id = Guid.NewGuid(), UnitId = unit, Month = month.FirstMonth, Key = key, EnteredBy = by });
                row.Numerator = body.Numerator!.Value;
                row.Denominator = body.Denominator!.Value;
                row.EnteredBy = by;
                row.EnteredAt = now;
                audit.Stage(new AuditRecord("kpi.entered", new AuditObject("kpi", key, $"{key} {month.Text}"), [unit])
                {
                    Detail = string.Create(CultureInfo.InvariantCulture, $"{row.Numerator}/{row.Denominator} ({month.Text})"),
                });
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            });
            return Results.Ok(new { unit, month = month.Text, key, numerator = body.Numerator, denominator = body.Denominator });
        });
    }

    private static IResult? Problem(KpiEntryRequest? body)
    {
        if (body?.Unit is null) return Results.Problem(ApiProblems.Parameter("unit", "Chọn đơn vị.", "Choose the unit."));
        if (!KpiPeriod.TryParse(body.Month, out var month) || month.FirstMonth != month.LastMonth)
            return Results.Problem(ApiProblems.Parameter("month", "Tháng dạng 2026-03.", "A month as 2026-03."));
        if (KpiCatalog.Find(body.Key) is not { Source: KpiSource.Administrator })
            return Results.Problem(ApiProblems.Parameter("key", "Chỉ tiêu do quản trị viên nhập: T1, T2, T3, O1, F1, D3, D4.",
                "An indicator entered by administrators: T1, T2, T3, O1, F1, D3, D4."));
        if (body.Denominator is not > 0) return Results.Problem(ApiProblems.Parameter("denominator", "Mẫu số phải lớn hơn 0.", "The denominator must be above 0."));
        if (body.Numerator is not { } n || n < 0 || n > body.Denominator)
            return Results.Problem(ApiProblems.Parameter("numerator", "Tử số từ 0 đến mẫu số.", "The numerator must be from 0 to the denominator."));
        return null;
    }

    private static string Month(int key) => KpiPeriod.FirstDay(key).ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
