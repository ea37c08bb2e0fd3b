namespace MotCua.Web.Features.Insight;

/// <summary>
/// GET /api/v1/kpis/overdue: the dossiers (list=dossiers) or feedback reports (list=feedback) of the scope that are
/// overdue now (when=overdue) or due within three days (when=soon), most urgent first, 100 a page; CSV with format=csv.
/// The scope is the dashboard's (unit and below, a level, or the caller's reach); another unit is a 404.
/// </summary>
public static class KpiOverdueApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/overdue", async (string? list, string? when, string? period, Guid? unit, string? level, int? page, string? format,
            KpiScopes scopes, KpiOverdue overdue, TimeProvider clock, CancellationToken ct) =>
        {
            if (list is not null && !KpiOverdue.IsList(list))
                return Results.Problem(ApiProblems.Parameter("list", "dossiers hoặc feedback.", "dossiers or feedback."));
            if (when is not null && !KpiOverdue.IsWhen(when))
                return Results.Problem(ApiProblems.Parameter("when", "overdue hoặc soon.", "overdue or soon."));
            if (page is < 1) return Results.Problem(ApiProblems.Parameter("page", "Trang từ 1.", "Pages start at 1."));
            var parsed = KpiApi.Parse(period, level, clock);
            if (parsed.Problem is { } problem) return problem;
            var (scope, error) = await scopes.ResolveAsync(unit, level, parsed.Period!, ct);
            if (scope is null) return KpiApi.Denied(error);
            var (rows, total) = await overdue.ListAsync(list ?? "dossiers", when == "soon", scope.Units, page ?? 1, KpiOverdue.PageSize, ct);
            if (KpiCsv.Wanted(format))
                return KpiCsv.File($"kpi-{list ?? "dossiers"}-{when ?? "overdue"}", ["kind", "id", "code", "subject", "unit_id", "status", "due_at", "link"],
                    rows.Select(r => new object?[] { r.Kind, r.Id, r.Code, r.Subject, r.UnitId, r.Status, r.DueAtIso, r.Link }));
            return Results.Ok(new
            {
                list = list ?? "dossiers", when = when ?? "overdue", soonDays = KpiOverdue.SoonDays, total, page = page ?? 1,
                hasNext = (page ?? 1) * KpiOverdue.PageSize < total,
                items = rows.Select(r => new { kind = r.Kind, id = r.Id, code = r.Code, subject = r.Subject, unit = r.UnitId, status = r.Status, dueAt = r.DueAtIso, link = r.Link }),
            });
        });
    }
}
