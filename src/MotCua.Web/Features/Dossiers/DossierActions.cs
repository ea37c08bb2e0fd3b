using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Identity;

namespace MotCua.Web.Features.Dossiers;

/// <summary>Why an action's input was refused: the field (as the JSON body names it) and the message in both languages.</summary>
public sealed record ActionInputProblem(string Field, string Vietnamese, string English)
{
    public string Text => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? English : Vietnamese;
}

/// <summary>An input problem found only once the dossier is loaded (an unknown unit code, a staff member who may not take the task).</summary>
public sealed class ActionInputException(ActionInputProblem problem) : Exception(problem.Vietnamese)
{
    public ActionInputProblem Problem { get; } = problem;
}

public enum ActionStatus
{
    Done,
    /// <summary>The input is wrong (400 over JSON, the message beside the field on a page).</summary>
    Invalid,
    /// <summary>No such dossier for this staff member (404).</summary>
    NotFound,
    /// <summary>The staff member sees the dossier but may not do this (403, with the reason).</summary>
    Forbidden,
    /// <summary>Someone changed the dossier since, or the rules refuse the action now (409).</summary>
    Conflict,
}

public sealed record ActionOutcome(ActionStatus Status, Dossier? Dossier = null, ActionInputProblem? Input = null, string? Message = null, string? Code = null)
{
    public bool IsVersionConflict => Code == DossierErrors.VersionConflict;
}

/// <summary>
/// Every staff action on a dossier, in one place for the JSON API and the office pages: check the input, load the
/// dossier once, hide it from staff who see none of its units, refuse staff who may not do this, then make the
/// domain call with the version the officer saw. The pages and the API can therefore never disagree on who may
/// do what. The actions themselves are listed in DossierActions.Table.cs.
/// </summary>
public sealed partial class DossierActions(DossierService service, UnitScope scope, DossierStaff staff, ResultDocuments.ResultNotice notice)
{
    public const string ConflictMessage = "Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại trang để xem thay đổi mới nhất rồi thực hiện lại.";

    public static bool Exists(string name) => Table.ContainsKey(name);

    /// <summary>The dossier if this staff member sees one of its units; null (a 404 for them) otherwise.</summary>
    public async Task<Dossier?> VisibleAsync(Guid id, CancellationToken ct)
    {
        Dossier dossier;
        try { dossier = await service.LoadAsync(id, ct); }
        catch (DossierProblem) { return null; }
        return DossierPermissions.CanSee(dossier, await scope.VisibleTodayAsync(ct)) ? dossier : null;
    }

    /// <summary>The signed-in staff member as the actor recorded on the events.</summary>
    public static Actor Officer(ClaimsPrincipal user) =>
        Actor.Staff(UnitScope.StaffIdOf(user)?.ToString() ?? "", user.FindFirst(StaffClaims.FullName)?.Value ?? user.Identity?.Name ?? "");

    /// <summary>Null when the staff member may do this kind of action on the dossier; otherwise why not.</summary>
    public async Task<string?> RefusalAsync(Dossier dossier, DossierDuty duty, ClaimsPrincipal user, Guid? taskId, CancellationToken ct) =>
        DossierPermissions.Refusal(dossier, duty, await scope.RolesAsync(ct), UnitScope.StaffIdOf(user)?.ToString() ?? "", taskId);

    /// <summary>The duty the named action needs on this dossier (for showing only the forms a person may use).</summary>
    public static DossierDuty DutyOf(string name, Dossier dossier) => Table[name].Duty(dossier);

    public async Task<ActionOutcome> RunAsync(string name, Guid id, StaffActionBody body, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!Table.TryGetValue(name, out var spec)) return new(ActionStatus.NotFound);
        // Whose dossier first: staff of other units hear "no such dossier" whatever they send, not what is wrong with it.
        if (await VisibleAsync(id, ct) is not { } dossier) return new(ActionStatus.NotFound);
        if (spec.Check?.Invoke(body) is { } bad) return new(ActionStatus.Invalid, dossier, Input: bad);
        if (spec.UnitCode != UnitCode.None && (spec.UnitCode == UnitCode.Required || !string.IsNullOrWhiteSpace(body.ToUnit))
            && await service.UnitByCodeAsync(body.ToUnit, ct) is null) return new(ActionStatus.Invalid, dossier, Input: NoSuchUnit);
        // A stale version is a conflict whoever sends it, before asking whether they may act: what they acted on is
        // gone (the dossier may have moved to a step that is not theirs), and "someone else changed it" is the truth.
        if (body.Version != dossier.Version) return new(ActionStatus.Conflict, dossier, Message: ConflictMessage, Code: DossierErrors.VersionConflict);
        if (await RefusalAsync(dossier, spec.Duty(dossier), user, body.TaskId, ct) is { } refusal)
            return await StaleAsync(dossier, body.Version, ct) ?? new(ActionStatus.Forbidden, dossier, Message: refusal);
        try
        {
            return new(ActionStatus.Done, await spec.Apply(new ActionRun(service, staff, notice, dossier, body, Officer(user), ct)));
        }
        catch (ActionInputException e)
        {
            return new(ActionStatus.Invalid, dossier, e.Problem);
        }
        catch (DbUpdateException e) when (DossierConflicts.IsConflict(e))
        {
            return new(ActionStatus.Conflict, dossier, Message: ConflictMessage, Code: DossierErrors.VersionConflict);
        }
        catch (DossierRuleException e)
        {
            return await StaleAsync(dossier, body.Version, ct) ?? new(ActionStatus.Conflict, dossier, Message: e.Message, Code: e.Code);
        }
        catch (DossierProblem e)
        {
            return await StaleAsync(dossier, body.Version, ct) ?? new(ActionStatus.Conflict, dossier, Message: e.Message, Code: e.Code);
        }
    }

    /// <summary>
    /// A version conflict when the dossier changed since the officer saw it, checked again before a refusal is given.
    /// The dossier is read in several queries (its row, then its tasks, …) outside a transaction, so an officer racing
    /// another may read the old row with the new tasks and be refused for a step the dossier only just reached. The
    /// truth for them is "someone else changed it"; one more read on the refusal path only keeps the normal path lean.
    /// </summary>
    private async Task<ActionOutcome?> StaleAsync(Dossier dossier, int seen, CancellationToken ct) =>
        await service.CurrentVersionAsync(dossier.Id, ct) is { } now && now != seen
            ? new(ActionStatus.Conflict, dossier, Message: ConflictMessage, Code: DossierErrors.VersionConflict)
            : null;

    /// <summary>What an action's domain call gets: the loaded dossier, the body, who acts.</summary>
    private sealed record ActionRun(DossierService Service, DossierStaff Staff, ResultDocuments.ResultNotice Notice, Dossier Dossier, StaffActionBody Body, Actor Who, CancellationToken Ct)
    {
        /// <summary>One domain call on the dossier with its workflow context, saved if the version still matches.</summary>
        public Task<Dossier> Apply(Action<Dossier, ProcessingContext, DateTimeOffset> action) => Service.ApplyAsync(Dossier, Body.Version, action, Ct);
    }

    /// <summary><paramref name="UnitCode"/>: the action names a unit by code (required or optional), checked with the other input, before the dossier is read.</summary>
    private sealed record Spec(Func<Dossier, DossierDuty> Duty, Func<StaffActionBody, ActionInputProblem?>? Check, Func<ActionRun, Task<Dossier>> Apply, UnitCode UnitCode = UnitCode.None);

    private enum UnitCode { None, Optional, Required }
}
