using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organization;

namespace MotCua.Web.Features.Dossiers;

/// <summary>A paper dossier recorded by the counter: <c>channel</c> 1 at the counter, 3 arrived by post.</summary>
public sealed record CounterFilingBody(string? ProcedureCode, string? ReceivingUnit, int? Channel, ApplicantBody? Owner, ApplicantBody? FiledBy, JsonObject? Answers);

/// <summary>
/// Intake at the counter and by post over JSON. Only a counter officer of the receiving unit may record one; the
/// Idempotency-Key header makes a retried request record the dossier once, as for online filing.
/// </summary>
public static class CounterApi
{
    public static WebApplication MapCounterApi(this WebApplication app)
    {
        app.MapPost("/api/v1/counter/dossiers", async (HttpRequest request, CounterFilingBody body, DossierService service, UnitDirectory units,
            UnitScope scope, IStringLocalizer<MotCuaOptions> t, Audit.IAuditLog audit, CancellationToken ct) =>
        {
            var key = request.Headers["Idempotency-Key"].ToString();
            if (string.IsNullOrWhiteSpace(key)) return DossierApi.Bad("Idempotency-Key", "Cần tiêu đề Idempotency-Key để một lần bấm không ghi hai hồ sơ.", "An Idempotency-Key header is required.");
            if (body.Channel is not (1 or 3)) return DossierApi.Bad("channel", "Chọn kênh: 1 tại quầy, 3 qua bưu chính.", "channel: 1 counter, 3 post.");
            if (string.IsNullOrWhiteSpace(body.ProcedureCode)) return DossierApi.Bad("procedureCode", "Chọn thủ tục.", "procedureCode is required.");
            var unit = body.ReceivingUnit is { Length: > 0 and <= 32 } code ? (await units.TodayAsync(ct)).FindByCode(code) : null;
            if (unit is null) return DossierApi.Bad("receivingUnit", "Không có cơ quan tiếp nhận với mã này.", "No receiving unit has this code.");
            // Outside the officer's counters the unit might as well not exist.
            if (!(await scope.RolesAsync(ct)).Any(r => r.Role == StaffRole.CounterOfficer && r.UnitId == unit.Id))
            {
                await audit.WriteAsync(Audit.DossierRecords.IntakeRefused(unit.Id, unit.Code), ct);
                return Results.Problem(title: "Chỉ cán bộ một cửa của cơ quan tiếp nhận được ghi nhận hồ sơ.", statusCode: StatusCodes.Status403Forbidden);
            }
            if (DossierApi.ToApplicant(body.Owner) is not { } owner) return DossierApi.Bad("owner", "Nhập thông tin người nộp.", "owner is required.");
            var officer = Actor.Staff(UnitScope.StaffIdOf(request.HttpContext.User)?.ToString() ?? "",
                request.HttpContext.User.FindFirst(StaffClaims.FullName)?.Value ?? request.HttpContext.User.Identity?.Name ?? "");
            try
            {
                var filing = new OnlineFiling(body.ProcedureCode, unit.Id, owner, DossierApi.ToApplicant(body.FiledBy), (body.Answers ?? []).ToJsonString(), []);
                var dossier = await service.ReceiveAtCounterAsync(filing, ChannelCode.FromCode(body.Channel.Value), officer, key, ct);
                return Results.Created($"/api/v1/dossiers/{dossier.Id}", DossierJson.Summary(dossier));
            }
            catch (DossierProblem problem)
            {
                return DossierApi.FilingProblem(problem, t);
            }
        }).RequireAuthorization(StaffPolicies.Staff);
        return app;
    }
}
