using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Identity;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// The body of every staff action: the version the officer saw (optimistic concurrency) and the fields the
/// action needs; each endpoint names the ones it reads and refuses the call when one is missing.
/// </summary>
public sealed record StaffActionBody
{
    public int Version { get; init; }
    public string? Reason { get; init; }
    public string? Note { get; init; }
    public string? ToStep { get; init; }
    /// <summary>Unit code: the transfer's or consultation's target.</summary>
    public string? ToUnit { get; init; }
    public Guid? TaskId { get; init; }
    public Guid? StaffId { get; init; }
    public string? Question { get; init; }
    public string? Answer { get; init; }
    public int? WorkingDays { get; init; }
    public long? Amount { get; init; }
    public string? Reference { get; init; }
    /// <summary>National channel code: 1 counter, 2 online, 3 post.</summary>
    public int? Channel { get; init; }
    public DateTimeOffset? NewAppointment { get; init; }
    public IReadOnlyList<string>? Items { get; init; }
    public IReadOnlyList<ResultDocumentRef>? Documents { get; init; }
}

/// <summary>
/// Reception and processing over JSON, for other systems (the office pages use the same <see cref="DossierActions"/>).
/// Every action loads the dossier once, hides it (404) from staff who see none of its units, refuses (403, with the
/// reason) staff who see it but may not do this, and answers 409 when the dossier changed since the officer's
/// version or the workflow does not allow the action now.
/// </summary>
public static class DossierActionsApi
{
    private static readonly string[] Actions =
    [
        "accept", "refuse", "supplement-request", "claim", "assign", "forward", "send-back", "transfer", "consult",
        "payment-request", "payment-received", "stop", "approve", "reject", "result", "return", "apology",
    ];

    public static WebApplication MapDossierActionsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/dossiers/{id:guid}").WithTags("Dossier actions").RequireAuthorization(StaffPolicies.Staff);

        api.MapGet("", async (Guid id, DossierActions actions, Audit.IAuditLog audit, TimeProvider clock, CancellationToken ct) =>
        {
            if (await actions.VisibleAsync(id, ct) is not { } d) return Results.NotFound();
            await audit.WriteAsync(Audit.DossierRecords.Read("dossier.view", d, Audit.DossierRecords.View), ct);
            return Results.Ok(DossierJson.Staff(d, clock.GetUtcNow()));
        });

        foreach (var name in Actions)
        {
            api.MapPost("/" + name, async (Guid id, StaffActionBody body, HttpContext http, DossierActions actions, CancellationToken ct) =>
                ToResult(await actions.RunAsync(name, id, body, http.User, ct)));
        }
        api.MapPost("/consultations/{taskId:guid}/answer", async (Guid id, Guid taskId, StaffActionBody body, HttpContext http, DossierActions actions, CancellationToken ct) =>
            ToResult(await actions.RunAsync("consultation-answer", id, body with { TaskId = taskId }, http.User, ct)));
        return app;
    }

    private static IResult ToResult(ActionOutcome outcome) => outcome.Status switch
    {
        ActionStatus.Done => Results.Ok(DossierJson.Summary(outcome.Dossier!)),
        ActionStatus.Invalid => DossierApi.Bad(outcome.Input!.Field, outcome.Input.Vietnamese, outcome.Input.English),
        ActionStatus.Forbidden => Results.Problem(title: outcome.Message, statusCode: StatusCodes.Status403Forbidden),
        ActionStatus.Conflict => Results.Problem(title: outcome.Message, statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["code"] = outcome.Code }),
        _ => Results.NotFound(),
    };
}
