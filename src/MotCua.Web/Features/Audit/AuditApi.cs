using MotCua.Web.Features.Admin;
using MotCua.Web.Features.Identity;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Audit;

/// <summary>GET /api/v1/audit: the same search as /staff/audit, for supervisors' and administrators' tools.</summary>
public static class AuditApi
{
    public static WebApplication MapAuditApi(this WebApplication app)
    {
        app.MapGet("/api/v1/audit", async (string? who, string? @object, string? action, string? from, string? to, int? page,
            AuditSearch search, IAuditLog audit, UnitScope scope, CancellationToken ct) =>
        {
            DateOnly? first = null, last = null;
            if (!string.IsNullOrWhiteSpace(from))
            {
                if (!AdminText.TryParseDate(from, out var d)) return Results.Problem(ApiProblems.Parameter("from", "Ngày dạng yyyy-MM-dd.", "A date as yyyy-MM-dd."));
                first = d;
            }
            if (!string.IsNullOrWhiteSpace(to))
            {
                if (!AdminText.TryParseDate(to, out var d)) return Results.Problem(ApiProblems.Parameter("to", "Ngày dạng yyyy-MM-dd.", "A date as yyyy-MM-dd."));
                last = d;
            }
            var filter = new AuditFilter(who, @object, action, first, last);
            if (await search.RunAsync(filter, page ?? 1, ct) is not { } result) return Results.Forbid();
            await AuditReads.SearchedAsync(audit, scope, filter, ct);
            return Results.Ok(new
            {
                page = result.Page,
                hasNext = result.HasNext,
                items = result.Items.Select(e => new
                {
                    sequence = e.Sequence, at = VietnamTime.Iso(e.At), actor = new { kind = e.ActorKind, id = AuditActors.Shown(e), name = e.ActorName },
                    action = e.Action, @object = new { type = e.ObjectType, id = e.ObjectId, label = e.ObjectLabel },
                    clientIp = e.ClientIp, userAgent = e.UserAgent, reason = e.Reason, outcome = e.Outcome, detail = e.Detail,
                }),
            });
        }).RequireAuthorization(StaffPolicies.Staff).WithTags("Audit");
        return app;
    }
}
