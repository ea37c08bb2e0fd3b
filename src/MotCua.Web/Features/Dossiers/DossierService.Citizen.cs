using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Dossiers.Data;
using MotCua.Web.Features.Dossiers.Filing;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// A citizen's action was refused: <see cref="Field"/> is the input it belongs next to ("reason", "score", "files",
/// or "" for the dossier as a whole), <see cref="Key"/> the UI string with its arguments.
/// </summary>
public sealed class CitizenActionProblem(string field, string key, params object[] args) : DossierProblem(key, key)
{
    public string Field { get; } = field;
    public string Key { get; } = key;
    public object[] Args { get; } = args;

    /// <summary>The message in the request's language; a status argument reads as its localised name.</summary>
    public string Text(Microsoft.Extensions.Localization.IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var args = Args.Select(a => a is DossierStatus s ? $"{(int)s} ({localizer["citizen.status." + (int)s].Value})" : a).ToArray();
        return localizer[Key, args].Value;
    }
}

// The applicant's side: filing a draft, withdrawing, rating, answering a supplement request. Every action loads the
// dossier through its owner's ID number, so another citizen's dossier is "not found", never "forbidden".
public sealed partial class DossierService
{
    public const int MaxTextLength = 2000;

    /// <summary>Files the draft and removes it in the same transaction; the draft's key makes a second submit file nothing.</summary>
    public async Task<Dossier> FileDraftAsync(DossierDraft draft, Applicant owner, Actor applicant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.ReceivingUnitId is not { } unit) throw new DossierProblem("unit", "Chọn cơ quan tiếp nhận.");
        var filing = new OnlineFiling(draft.ProcedureCode, unit, owner, null, draft.Answers, [.. draft.Attachments.Select(a => a.ToAttachment())]);
        return await FileOnlineAsync(filing, applicant, draft.IdempotencyKey, () =>
        {
            db.Remove(draft);
            return Task.CompletedTask;
        }, ct);
    }

    /// <summary>The dossier already filed with this key by this citizen (a repeated submit after the draft is gone).</summary>
    public async Task<Dossier?> FiledWithKeyAsync(string key, string ownerIdNumber, CancellationToken ct)
    {
        var dossier = await FindByKeyAsync(key, ct);
        return dossier?.Owner.IdNumber == ownerIdNumber ? dossier : null;
    }

    /// <summary>The citizen's own dossier; any other id answers "not found".</summary>
    public async Task<Dossier> LoadOwnedAsync(Guid id, string ownerIdNumber, CancellationToken ct)
    {
        var dossier = await LoadAsync(id, ct);
        return dossier.Owner.IdNumber == ownerIdNumber ? dossier : throw new DossierProblem("not-found", "Không tìm thấy hồ sơ.");
    }

    public Task<List<Dossier>> ListOwnedAsync(string ownerIdNumber, CancellationToken ct) =>
        db.Dossiers.AsNoTracking().Where(d => d.Owner.IdNumber == ownerIdNumber).OrderByDescending(d => d.SubmittedAt).ToListAsync(ct);

    /// <summary>Status 7, before the result only (<see cref="WithdrawalRule"/>), with the citizen's reason.</summary>
    public async Task<Dossier> WithdrawAsync(Guid id, string ownerIdNumber, string? reason, Actor applicant, CancellationToken ct)
    {
        var dossier = await LoadOwnedAsync(id, ownerIdNumber, ct);
        if (!WithdrawalRule.Allows(dossier.Status)) throw new CitizenActionProblem("", "citizen.withdraw.notallowed", dossier.Status);
        if (string.IsNullOrWhiteSpace(reason)) throw new CitizenActionProblem("reason", "citizen.withdraw.reason.required");
        if (reason.Length > MaxTextLength) throw new CitizenActionProblem("reason", "citizen.text.toolong", MaxTextLength);
        dossier.Withdraw(reason, applicant, clock.GetUtcNow());
        await InTransactionAsync(() => SaveAsync(dossier, ct), ct);
        return dossier;
    }

    /// <summary>Once, 1 to 5, after the result was returned (<see cref="RatingRule"/>).</summary>
    public async Task<Dossier> RateAsync(Guid id, string ownerIdNumber, int? score, string? comment, Actor applicant, CancellationToken ct)
    {
        var dossier = await LoadOwnedAsync(id, ownerIdNumber, ct);
        if (dossier.Status != DossierStatus.ResultReturned) throw new CitizenActionProblem("", "citizen.rate.notyet", dossier.Status);
        if (dossier.Rating is not null) throw new CitizenActionProblem("", "citizen.rate.already");
        if (score is not { } s || RatingRule.Problem(dossier.Status, null, s) is not null)
            throw new CitizenActionProblem("score", "citizen.rate.score", RatingRule.MinScore, RatingRule.MaxScore);
        if (comment?.Length > MaxTextLength) throw new CitizenActionProblem("comment", "citizen.text.toolong", MaxTextLength);
        dossier.Rate(s, comment, applicant, clock.GetUtcNow());
        await InTransactionAsync(() => SaveAsync(dossier, ct), ct);
        return dossier;
    }

    /// <summary>
    /// Answers the open supplement request with new files (already checked and stored by the caller) and, optionally,
    /// corrected form answers checked against the form the dossier was filed under. The clock restarts.
    /// </summary>
    public async Task<Dossier> AnswerSupplementAsync(Guid id, string ownerIdNumber, IReadOnlyList<Attachment> added, JsonObject? answers, Actor applicant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(added);
        var dossier = await LoadOwnedAsync(id, ownerIdNumber, ct);
        if (dossier.Status != DossierStatus.SupplementRequested) throw new CitizenActionProblem("", "citizen.supplement.notrequested", dossier.Status);
        if (added.Count == 0 && answers is null) throw new CitizenActionProblem("files", "citizen.supplement.nothing");
        if (answers is not null && (await VersionAsync(dossier.ProcedureVersionId, ct)).Form is { } form)
        {
            var errors = Forms.FormValidation.ValidateAll(Forms.DossierForm.Parse(form), answers);
            if (errors.Count > 0) throw new DossierFormProblem(errors, []);
        }
        var time = await calendars.ForUnitAsync(dossier.ReceivingUnitId, ct);
        dossier.AnswerSupplement(time, applicant, clock.GetUtcNow(), added, answers?.ToJsonString());
        await InTransactionAsync(() => SaveAsync(dossier, ct), ct);
        return dossier;
    }
}
