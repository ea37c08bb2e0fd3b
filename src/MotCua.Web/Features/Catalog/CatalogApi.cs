using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Catalog;
using MotCua.Web.Features.Catalog.Data;
using MotCua.Web.Features.Identity;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Catalog;

/// <summary>The catalogue over JSON: public search and reading, and the administrators' import and export.</summary>
public static class CatalogApi
{
    public const int MaxPageSize = 100;

    public static WebApplication MapCatalogApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/procedures").WithTags("Catalog").RequireRateLimiting(Infrastructure.PublicRateLimits.PublicApi);

        api.MapGet("", async (HttpRequest request, CatalogSearch search, Organization.UnitDirectory units, CancellationToken ct) =>
        {
            var (query, page, pageSize, problem) = ParseQuery(request.Query);
            if (problem is not null) return problem;
            // unit=CODE: the procedures that unit can receive, judged by its kind (ward, department…).
            if (request.Query["unit"].ToString() is { Length: > 0 } unitCode)
            {
                var unit = unitCode.Length <= 32 ? (await units.TodayAsync(ct)).FindByCode(unitCode.Trim()) : null;
                if (unit is null) return Results.Problem(ApiProblems.Parameter("unit", "Không có đơn vị đang hoạt động với mã này.", "No active unit has this code."));
                query = query with { UnitKind = Domain.Organization.UnitKinds.ToKey(unit.Kind) };
            }
            var result = await search.FindAsync(query, (page - 1) * pageSize, pageSize, ct);
            return Results.Ok(new
            {
                query = query.Text,
                total = result.Total,
                page,
                pageSize,
                items = result.Items.Select(i => new
                {
                    code = i.Procedure.Code,
                    name = i.Procedure.Name,
                    field = i.Procedure.Field,
                    levels = i.Procedure.Levels.Select(l => l.ToString().ToLowerInvariant()),
                    onlineLevel = i.Procedure.OnlineLevel,
                    fullProcess = i.Procedure.FullProcess,
                    canFileOnline = i.Procedure.HasForm,
                    score = Math.Round(i.Score, 4),
                    url = $"/procedures/{i.Procedure.Code}",
                }),
            });
        }).AllowAnonymous();

        api.MapGet("/{code}", async (string code, MotCuaDbContext db, CancellationToken ct) =>
        {
            var json = await PublishedJsonAsync(db, code, ct);
            return json is null ? Results.NotFound() : Results.Text(json, "application/json; charset=utf-8");
        }).AllowAnonymous();

        var admin = app.MapGroup("/api/v1/catalog").WithTags("Catalog administration").RequireAuthorization(CatalogPolicy.Name);

        admin.MapGet("/export", async (MotCuaDbContext db, CancellationToken ct) =>
        {
            var versions = await db.ProcedureVersions.AsNoTracking().Where(v => v.Status == VersionStatus.Published)
                .OrderBy(v => v.Name).Select(v => v.DefinitionJson).ToListAsync(ct);
            var definitions = versions.Select(j => JsonSerializer.Deserialize<ProcedureDefinition>(j, CatalogJson.Options)!).ToList();
            return Results.Json(definitions, CatalogJson.Indented, statusCode: 200);
        });

        admin.MapPost("/import", async (HttpRequest request, CatalogService catalog, bool? publish, CancellationToken ct) =>
        {
            List<ProcedureDefinition>? definitions;
            try
            {
                definitions = await JsonSerializer.DeserializeAsync<List<ProcedureDefinition>>(request.Body, CatalogJson.Options, ct);
            }
            catch (JsonException e)
            {
                return ImportProblem([new ValidationError(e.Path ?? "$", "Tệp không đúng định dạng JSON của danh mục: " + FirstLine(e.Message))]);
            }
            if (definitions is null || definitions.Count == 0) return ImportProblem([new ValidationError("$", "Tệp không có thủ tục nào.")]);
            var actor = request.HttpContext.User.Identity?.Name ?? "admin";
            var result = await catalog.ImportAsync(definitions, actor, publish ?? false, ct);
            return result.Succeeded
                ? Results.Ok(new { imported = result.VersionIds.Count, published = publish ?? false })
                : ImportProblem(result.Errors);
        }).DisableAntiforgery();
        return app;
    }

    /// <summary>Every error with its JSON path: an import either all goes in or nothing does.</summary>
    internal static IResult ImportProblem(IReadOnlyList<ValidationError> errors)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Danh mục không hợp lệ; không thủ tục nào được nhập.",
            Detail = $"{errors.Count} lỗi.",
        };
        problem.Extensions["errors"] = errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        return Results.Problem(problem);
    }

    private static string FirstLine(string message) => message.Split('\n')[0];

    /// <remarks>A blank code is no procedure: model binding hands an address like "/procedures/%20" in as null.</remarks>
    internal static async Task<string?> PublishedJsonAsync(MotCuaDbContext db, string? code, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(code) || code.Length > 64 ? null : await db.Procedures.AsNoTracking()
            .Where(p => p.NationalCode == code && p.PublishedVersionId != null)
            .Join(db.ProcedureVersions, p => p.PublishedVersionId, v => v.Id, (p, v) => v.DefinitionJson)
            .FirstOrDefaultAsync(ct);

    internal static (CatalogQuery Query, int Page, int PageSize, IResult? Problem) ParseQuery(IQueryCollection q)
    {
        static IResult Bad(string name, string vi, string en) => Results.Problem(ApiProblems.Parameter(name, vi, en));
        var text = q["q"].ToString();
        if (text.Length > 200) return (default!, 0, 0, Bad("q", "Từ khóa tìm kiếm dài quá 200 ký tự.", "The search text is longer than 200 characters."));
        ImplementingLevel? level = null;
        if (q.TryGetValue("level", out var l) && l.ToString().Length > 0)
        {
            if (!Enum.TryParse<ImplementingLevel>(l.ToString(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                return (default!, 0, 0, Bad("level", "Cấp thực hiện phải là province, district hoặc commune.", "The level must be province, district or commune."));
            level = parsed;
        }
        int? online = null;
        if (q.TryGetValue("onlineLevel", out var o) && o.ToString().Length > 0)
        {
            if (!int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed is < 1 or > 4)
                return (default!, 0, 0, Bad("onlineLevel", "Mức độ trực tuyến phải từ 1 đến 4.", "The online level must be 1 to 4."));
            online = parsed;
        }
        bool? full = null;
        if (q.TryGetValue("fullProcess", out var f) && f.ToString().Length > 0)
        {
            if (!bool.TryParse(f, out var parsed)) return (default!, 0, 0, Bad("fullProcess", "Giá trị phải là true hoặc false.", "Must be true or false."));
            full = parsed;
        }
        var page = 1;
        if (q.TryGetValue("page", out var p) && p.ToString().Length > 0 && (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1 || page > 10_000))
            return (default!, 0, 0, Bad("page", "Trang phải là số từ 1.", "The page must be a number from 1."));
        var size = 20;
        if (q.TryGetValue("pageSize", out var s) && s.ToString().Length > 0 && (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > MaxPageSize))
            return (default!, 0, 0, Bad("pageSize", $"Số mục mỗi trang từ 1 đến {MaxPageSize}.", $"The page size must be 1 to {MaxPageSize}."));
        var field = q["field"].ToString();
        var unitKind = q["unitKind"].ToString();
        return (new CatalogQuery(text.Length == 0 ? null : text, field.Length == 0 ? null : field, level, unitKind.Length == 0 ? null : unitKind, online, full), page, size, null);
    }
}
