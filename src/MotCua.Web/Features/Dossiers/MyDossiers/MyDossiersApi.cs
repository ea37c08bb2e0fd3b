using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Citizens;
using MotCua.Web.Features.Dossiers.Attachments;
using MotCua.Web.Features.Dossiers.Filing;
using MotCua.Web.Infrastructure;
using MotCua.Web.Infrastructure.Storage;

namespace MotCua.Web.Features.Dossiers.MyDossiers;

public sealed record WithdrawBody(string? Reason);

public sealed record RateBody(int? Score, string? Comment);

public sealed record SupplementBody(JsonObject? Answers);

/// <summary>
/// The signed-in citizen's dossiers over JSON (the same actions as the pages) and the downloads of their files. Only
/// the owner's ID number finds a dossier or a draft; any other id is a 404, never a 403 that would confirm it exists.
/// </summary>
public static class MyDossiersApi
{
    public static WebApplication MapMyDossiers(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/my/dossiers").WithTags("My dossiers").RequireAuthorization(CitizenIdentity.Policy);

        api.MapGet("", async (HttpContext http, DossierService service, DraftStore drafts, CancellationToken ct) =>
        {
            var owner = Owner(http);
            var dossiers = await service.ListOwnedAsync(owner, ct);
            var saved = await drafts.ListAsync(owner, ct);
            return Results.Ok(new
            {
                dossiers = dossiers.Select(d => Summary(d)),
                drafts = saved.Select(d => new { id = d.Id, procedureCode = d.ProcedureCode, step = d.Step, updatedAt = VietnamTime.Iso(d.UpdatedAt) }),
            });
        });

        api.MapGet("/{id:guid}", (Guid id, HttpContext http, DossierService service, IStringLocalizer<MotCuaOptions> t, CancellationToken ct) =>
            ActAsync(() => service.LoadOwnedAsync(id, Owner(http), ct), t));

        api.MapPost("/{id:guid}/withdraw", (Guid id, WithdrawBody body, HttpContext http, DossierService service, IStringLocalizer<MotCuaOptions> t, CancellationToken ct) =>
            ActAsync(() => service.WithdrawAsync(id, Owner(http), body.Reason, CitizenIdentity.ActorOf(http.User), ct), t));

        api.MapPost("/{id:guid}/rate", (Guid id, RateBody body, HttpContext http, DossierService service, IStringLocalizer<MotCuaOptions> t, CancellationToken ct) =>
            ActAsync(() => service.RateAsync(id, Owner(http), body.Score, body.Comment, CitizenIdentity.ActorOf(http.User), ct), t));

        api.MapPost("/{id:guid}/supplement", (Guid id, SupplementBody body, HttpContext http, DossierService service, IStringLocalizer<MotCuaOptions> t, CancellationToken ct) =>
            ActAsync(() => service.AnswerSupplementAsync(id, Owner(http), [], body.Answers, CitizenIdentity.ActorOf(http.User), ct), t));

        // Downloads for the owner; staff downloads come with the back office.
        app.MapGet("/my/dossiers/{id:guid}/files/{fileId:guid}", async (Guid id, Guid fileId, HttpContext http, DossierService service, IFileStore store, CancellationToken ct) =>
        {
            Dossier dossier;
            try { dossier = await service.LoadOwnedAsync(id, Owner(http), ct); }
            catch (DossierProblem) { return Results.NotFound(); }
            if (dossier.Attachments.FirstOrDefault(a => a.FileId == fileId) is { } a) return await FileDownload.ServeAsync(store, http, fileId, a.FileName, a.ContentType, ct);
            if (dossier.ResultDocuments.FirstOrDefault(r => r.FileId == fileId) is { } r) return await ResultAsync(store, http, r, ct);
            return Results.NotFound();
        }).RequireAuthorization(CitizenIdentity.Policy);

        app.MapGet("/my/drafts/{draftId:guid}/files/{fileId:guid}", async (Guid draftId, Guid fileId, HttpContext http, DraftStore drafts, IFileStore store, CancellationToken ct) =>
            await drafts.FindAsync(draftId, Owner(http), ct) is { } draft && draft.Attachments.FirstOrDefault(a => a.FileId == fileId) is { } a
                ? await FileDownload.ServeAsync(store, http, fileId, a.FileName, a.ContentType, ct)
                : Results.NotFound()).RequireAuthorization(CitizenIdentity.Policy);
        return app;
    }

    private static string Owner(HttpContext http) => CitizenIdentity.IdNumberOf(http.User)!;

    /// <summary>Result documents carry no stored type: it is read from the bytes, as for uploads.</summary>
    private static async Task<IResult> ResultAsync(IFileStore store, HttpContext http, ResultDocumentRef result, CancellationToken ct)
    {
        var kind = FileKind.Unknown;
        await using (var head = await store.OpenReadAsync(new FileId(result.FileId), ct))
        {
            if (head is null) return Results.NotFound();
            if (head.CanSeek) kind = await ContentSniffer.IdentifyAsync(head, 0, ct);
        }
        return await FileDownload.ServeAsync(store, http, result.FileId, SafeFileName.ForDownload(result.Name, kind), FileKinds.ContentType(kind), ct);
    }

    private static async Task<IResult> ActAsync(Func<Task<Dossier>> act, IStringLocalizer<MotCuaOptions> t)
    {
        try
        {
            return Results.Ok(Summary(await act(), withDetails: true));
        }
        catch (CitizenActionProblem p)
        {
            var message = p.Text(t);
            // A wrong field is the caller's mistake (400); an action the dossier's state does not allow is a 409.
            var status = p.Field.Length > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
            return Results.Problem(new ProblemDetails
            {
                Status = status, Title = message,
                Extensions = { ["code"] = p.Key, ["errors"] = new Dictionary<string, string[]> { [p.Field.Length > 0 ? p.Field : "dossier"] = [message] } },
            });
        }
        catch (DossierFormProblem p)
        {
            return Results.ValidationProblem(p.Errors.ToDictionary(e => "answers." + e.Field, e => new[] { t[e.MessageKey, e.ArgumentArray].Value }), title: t["dossiers.invalid"]);
        }
        catch (DossierProblem p) when (p.Code == "not-found")
        {
            return Results.NotFound();
        }
        catch (DossierRuleException e)
        {
            return Results.Problem(title: e.Message, statusCode: StatusCodes.Status409Conflict, extensions: new Dictionary<string, object?> { ["code"] = e.Code });
        }
        catch (DbUpdateException e) when (DossierConflicts.IsConflict(e))
        {
            return Results.Problem(title: t["citizen.conflict"], statusCode: StatusCodes.Status409Conflict);
        }
    }

    /// <summary>The public summary of the dossier API, plus for the owner the rating and, in detail, the files and supplement rounds.</summary>
    internal static JsonObject Summary(Dossier d, bool withDetails = false)
    {
        var json = (JsonObject)System.Text.Json.JsonSerializer.SerializeToNode(DossierJson.Summary(d, withHistory: withDetails))!;
        if (!withDetails) json.Remove("history");
        json["rating"] = d.Rating is null ? null : new JsonObject { ["score"] = d.Rating.Score, ["comment"] = d.Rating.Comment };
        if (!withDetails) return json;
        json["attachments"] = System.Text.Json.JsonSerializer.SerializeToNode(d.Attachments.Select(a => new { documentKey = a.DocumentKey, fileId = a.FileId, fileName = a.FileName, contentType = a.ContentType, size = a.Size, sha256 = a.Sha256 }));
        json["supplementRounds"] = System.Text.Json.JsonSerializer.SerializeToNode(d.SupplementRounds.Select(r => new { number = r.Number, requestedAt = VietnamTime.Iso(r.RequestedAt), reason = r.Reason, items = r.Items, answeredAt = VietnamTime.Iso(r.AnsweredAt) }));
        return json;
    }
}
