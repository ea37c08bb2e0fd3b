using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Identity;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// The officer's work list over JSON (<see cref="InboxQuery"/>, shared with the inbox page): open tasks that are
/// mine, my units', due within a day, or overdue, with the counts of each. Only units the user may see are ever read.
/// </summary>
public static class InboxApi
{
    public static WebApplication MapInboxApi(this WebApplication app)
    {
        app.MapGet("/api/v1/inbox", async (string? view, int? page, string? procedure, int? status, string? q, UnitScope scope, InboxQuery inbox,
            TimeProvider clock, HttpContext http, Audit.IAuditLog audit, CancellationToken ct) =>
        {
            var units = await scope.VisibleTodayAsync(ct);
            if (units.Count == 0) return Results.Forbid();
            if (status is not null && !Enum.IsDefined((DossierStatus)status.Value))
                return Results.Problem(ApiProblems.Parameter("status", "Trạng thái là số từ 1 đến 10.", "status is a number from 1 to 10."));
            var now = clock.GetUtcNow();
            var result = await inbox.RunAsync([.. units], UnitScope.StaffIdOf(http.User)?.ToString() ?? "", view ?? "unit",
                new InboxFilter(procedure, (DossierStatus?)status, null, q), page ?? 1, now, ct);
            if (result is null) return Results.Problem(ApiProblems.Parameter("view", "Chọn một trong: mine, unit, dueSoon, overdue.", "view must be mine, unit, dueSoon or overdue."));
            if (Audit.DossierRecords.List("/api/v1/inbox", $"{view ?? "unit"} {q}".Trim(), [.. result.Items.Select(i => i.UnitId)], result.Items.Count) is { } read)
                await audit.WriteAsync(read, ct);
            var c = result.Counts;
            return Results.Ok(new
            {
                // Over several units a count stops past the cap: those tabs are listed in "capped" (read them as "1000+").
                counts = new { mine = Math.Min(c.Mine, InboxCounts.Cap), unit = Math.Min(c.Unit, InboxCounts.Cap), dueSoon = Math.Min(c.DueSoon, InboxCounts.Cap), overdue = Math.Min(c.Overdue, InboxCounts.Cap) },
                capped = c.Capped,
                page = result.Page,
                total = result.Total,
                items = result.Items.Select(i => new
                {
                    i.DossierId, code = i.Code, reference = i.Reference, procedureCode = i.ProcedureCode, applicant = i.ApplicantName,
                    status = (int)i.Status, statusName = i.Status.VietnameseName(), dueAt = VietnamTime.Iso(i.DueAt),
                    i.TaskId, step = i.StepKey, role = i.Role.ToString(), unitId = i.UnitId, assignee = i.AssigneeName,
                    stepDueAt = VietnamTime.Iso(i.StepDueAt), overdue = i.StepLate(now), kind = i.Kind.ToString(),
                }),
            });
        }).RequireAuthorization(StaffPolicies.Staff).WithTags("Dossiers");
        return app;
    }
}
