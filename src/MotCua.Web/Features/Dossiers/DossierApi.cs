using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Identity;
using MotCua.Web.Features.Organization;
using MotCua.Web.Infrastructure;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Dossiers;

public sealed record ApplicantBody(string? Kind, string? FullName, string? IdNumber, string? Phone, string? Email, string? Address);

public sealed record FilingBody(string? ProcedureCode, string? ReceivingUnit, ApplicantBody? Owner, ApplicantBody? FiledBy, JsonObject? Answers);

/// <summary>
/// Dossiers over JSON. Filing is open to the demo citizen until VNeID sign-in lands (identity issue), and only
/// in demo mode; reception needs a counter officer of the receiving unit; the public lookup answers only
/// to someone who knows the code and the applicant's phone or ID number, and says nothing otherwise.
/// </summary>
public static class DossierApi
{
    public const string LookupPolicy = "public-lookup";

    public static WebApplication MapDossierApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/dossiers").WithTags("Dossiers");

        api.MapPost("", async (HttpRequest request, FilingBody body, DossierService service, UnitDirectory units,
            IOptions<MotCuaOptions> options, IStringLocalizer<MotCuaOptions> t, CancellationToken ct) =>
        {
            if (!options.Value.Demo) return Results.NotFound();
            var key = request.Headers["Idempotency-Key"].ToString();
            if (string.IsNullOrWhiteSpace(key)) return Bad("Idempotency-Key", "Cần tiêu đề Idempotency-Key để một lần bấm không nộp hai hồ sơ.", "An Idempotency-Key header is required.");
            if (string.IsNullOrWhiteSpace(body.ProcedureCode)) return Bad("procedureCode", "Chọn thủ tục.", "procedureCode is required.");
            var unit = body.ReceivingUnit is { Length: > 0 and <= 32 } code ? (await units.TodayAsync(ct)).FindByCode(code) : null;
            if (unit is null) return Bad("receivingUnit", "Không có cơ quan tiếp nhận với mã này.", "No receiving unit has this code.");
            if (ToApplicant(body.Owner) is not { } owner) return Bad("owner", "Nhập thông tin người nộp.", "owner is required.");
            try
            {
                var filing = new OnlineFiling(body.ProcedureCode, unit.Id, owner, ToApplicant(body.FiledBy), (body.Answers ?? []).ToJsonString(), []);
                var dossier = await service.FileOnlineAsync(filing, Actor.Applicant(owner.FullName, owner.IdNumber), key, ct);
                return Results.Created($"/api/v1/dossiers/lookup?code={dossier.Reference}", DossierJson.Summary(dossier));
            }
            catch (DossierProblem problem)
            {
                return FilingProblem(problem, t);
            }
        }).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(PublicRateLimits.Submission);

        api.MapGet("/lookup", async (string? code, string? phone, string? idNumber, Lookup.DossierLookup lookup, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(code) || code.Length > 48 || (string.IsNullOrWhiteSpace(phone) && string.IsNullOrWhiteSpace(idNumber)))
                return Bad("code", "Nhập mã hồ sơ và số điện thoại hoặc số định danh của người nộp.", "Give the dossier code and the applicant's phone or ID number.");
            // The same search as the lookup page: one answer for "no such code" and "wrong phone".
            var found = await lookup.FindAsync(code, string.IsNullOrWhiteSpace(phone) ? idNumber! : phone, ct);
            return found is null ? Results.NotFound() : Results.Ok(DossierJson.Summary(found));
        }).AllowAnonymous().RequireRateLimiting(LookupPolicy);

        return app;
    }

    /// <summary>A refused filing as problem details: every form and applicant field with its message.</summary>
    internal static IResult FilingProblem(DossierProblem problem, IStringLocalizer t)
    {
        if (problem is not DossierFormProblem form) return Bad(problem.Code, problem.Message, problem.Message);
        var errors = form.Errors.ToDictionary(e => "answers." + e.Field, e => new[] { t[e.MessageKey, e.ArgumentArray].Value });
        foreach (var field in form.ApplicantFields) errors["owner." + JsonNamingPolicy.CamelCase.ConvertName(field)] = [t["dossiers.applicant.invalid." + field].Value];
        return Results.ValidationProblem(errors, title: t["dossiers.invalid"]);
    }

    internal static Applicant? ToApplicant(ApplicantBody? b) => b is null ? null : new Applicant
    {
        Kind = string.Equals(b.Kind, "organization", StringComparison.OrdinalIgnoreCase) ? ApplicantKind.Organization : ApplicantKind.Citizen,
        FullName = b.FullName?.Trim() ?? "",
        IdNumber = b.IdNumber?.Trim() ?? "",
        Phone = string.IsNullOrWhiteSpace(b.Phone) ? null : b.Phone.Trim(),
        Email = string.IsNullOrWhiteSpace(b.Email) ? null : b.Email.Trim(),
        Address = string.IsNullOrWhiteSpace(b.Address) ? null : b.Address.Trim(),
    };

    internal static IResult Bad(string parameter, string vi, string en) => Results.Problem(ApiProblems.Parameter(parameter, vi, en));
}
