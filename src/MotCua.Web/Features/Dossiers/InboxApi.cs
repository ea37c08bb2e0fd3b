using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Identity;
using MotCua.Web.Infrastructure;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// The officer's work list: open tasks that are mine, my units' (a supervisor's units include those below),
/// due within a day, or overdue, with the counts of each. Only units the user may see are ever read.
/// </summary>
public static class InboxApi
{
    public static readonly TimeSpan DueSoon = TimeSpan.FromHours(24);

    public static WebApplication MapInboxApi(this WebApplication app)
    {
        app.MapGet("/api/v1/inbox", async (string? view, int? page, UnitScope scope, MotCuaDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            var units = (await scope.VisibleTodayAsync(ct)).ToList();
            if (units.Count == 0) return Results.Forbid();
            var me = UnitScope.StaffIdOf(http.User)?.ToString() ?? "";
            var now = clock.GetUtcNow();
            var soon = now + DueSoon;
            // One unit (a ward officer, the usual case) as an equality, so PostgreSQL walks the open-task index in due order.
            var tasks = db.DossierTasks.AsNoTracking().Where(t => t.CompletedAt == null);
            var single = units[0];
            var open = units.Count == 1 ? tasks.Where(t => t.UnitId == single) : tasks.Where(t => units.Contains(t.UnitId));
            // All four counts in one round trip: the inbox is the page officers open most.
            var tally = await open.GroupBy(_ => 1).Select(g => new
            {
                mine = g.Count(t => t.AssigneeId == me),
                unit = g.Count(),
                dueSoon = g.Count(t => t.StepDueAt != null && t.StepDueAt >= now && t.StepDueAt < soon),
                overdue = g.Count(t => t.StepDueAt != null && t.StepDueAt < now),
            }).FirstOrDefaultAsync(ct);
            var counts = tally ?? new { mine = 0, unit = 0, dueSoon = 0, overdue = 0 };
            var filtered = (view ?? "unit") switch
            {
                "mine" => open.Where(t => t.AssigneeId == me),
                "unit" => open,
                "dueSoon" => open.Where(t => t.StepDueAt != null && t.StepDueAt >= now && t.StepDueAt < soon),
                "overdue" => open.Where(t => t.StepDueAt != null && t.StepDueAt < now),
                _ => null,
            };
            if (filtered is null) return Results.Problem(ApiProblems.Parameter("view", "Chọn một trong: mine, unit, dueSoon, overdue.", "view must be mine, unit, dueSoon or overdue."));
            var p = Math.Clamp(page ?? 1, 1, 10_000);
            // PostgreSQL sorts NULLs last when ascending, as the inbox wants, and so can read the index in order;
            // SQLite sorts them first and needs the extra key.
            var ordered = db.Database.IsNpgsql() ? filtered.OrderBy(t => t.StepDueAt) : filtered.OrderBy(t => t.StepDueAt == null).ThenBy(t => t.StepDueAt);
            var items = await ordered
                .Skip((p - 1) * 50).Take(50)
                .Join(db.Dossiers, t => EF.Property<Guid>(t, "DossierId"), d => d.Id, (t, d) => new
                {
                    dossierId = d.Id, d.Code, d.Reference, d.ProcedureCode, d.Status, d.DueAt,
                    taskId = t.Id, t.StepKey, t.Role, t.UnitId, t.AssigneeName, t.StepDueAt, t.Kind,
                })
                .ToListAsync(ct);
            return Results.Ok(new
            {
                counts,
                page = p,
                items = items.Select(i => new
                {
                    i.dossierId, code = i.Code, reference = i.Reference, procedureCode = i.ProcedureCode,
                    status = (int)i.Status, statusName = i.Status.VietnameseName(), dueAt = VietnamTime.Iso(i.DueAt),
                    i.taskId, step = i.StepKey, role = i.Role.ToString(), unitId = i.UnitId, assignee = i.AssigneeName,
                    stepDueAt = VietnamTime.Iso(i.StepDueAt), overdue = i.StepDueAt < now, kind = i.Kind.ToString(),
                }),
            });
        }).RequireAuthorization(StaffPolicies.Staff).WithTags("Dossiers");
        return app;
    }

}
