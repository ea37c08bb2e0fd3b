using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Features.Catalog.Data;
using MotCua.Web.Features.Dossiers.Data;
using MotCua.Web.Features.Organization;
using MotCua.Web.Infrastructure;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Dossiers;

public sealed record OnlineFiling(string ProcedureCode, Guid ReceivingUnitId, Applicant Owner, Applicant? FiledBy, string Answers, IReadOnlyList<Attachment> Attachments);

/// <summary>Why a filing or an action was not done, with a stable code the API and pages translate.</summary>
public class DossierProblem(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>The answers or the applicant do not pass the procedure's form: every field with its message.</summary>
public sealed class DossierFormProblem(IReadOnlyList<Forms.FieldError> errors, IReadOnlyList<string> applicantFields)
    : DossierProblem("answers", "Thông tin trong tờ khai chưa hợp lệ.")
{
    public IReadOnlyList<Forms.FieldError> Errors { get; } = errors;
    /// <summary>Applicant fields that are wrong (fullName, idNumber, phone, email).</summary>
    public IReadOnlyList<string> ApplicantFields { get; } = applicantFields;
}

/// <summary>
/// Files and receives dossiers: each operation loads what it needs, lets the domain decide, and saves the
/// dossier with everything that must go with it in one transaction.
/// </summary>
public sealed partial class DossierService(
    MotCuaDbContext db, DossierCodeAllocator codes, UnitDirectory units, UnitCalendars calendars, WorkflowUnits workflowUnits,
    DossierNotifier notifier, NationalPortal.PortalSync portal, FilingProcedures procedures, Audit.IAuditLog audit, TimeProvider clock)
{
    /// <summary>How many events each dossier had when this unit of work loaded it: the later ones are new and notified.</summary>
    private readonly Dictionary<Guid, int> _loadedEvents = [];

    /// <summary>Files a dossier online. The same idempotency key always yields the same dossier, filed once.</summary>
    public Task<Dossier> FileOnlineAsync(OnlineFiling filing, Actor applicant, string idempotencyKey, CancellationToken ct) =>
        FileOnlineAsync(filing, applicant, idempotencyKey, alongside: null, ct);

    /// <summary>As above; <paramref name="alongside"/> runs in the filing's transaction (the citizen's draft is removed with it).</summary>
    private async Task<Dossier> FileOnlineAsync(OnlineFiling filing, Actor applicant, string idempotencyKey, Func<Task>? alongside, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 100)
            throw new DossierProblem("idempotency-key", "Thiếu khóa chống nộp trùng (tối đa 100 ký tự).");
        if (await FindByKeyAsync(idempotencyKey, ct) is { } already) return already;

        var checkedFiling = await CheckFilingAsync(filing, Channel.Online, ct);
        var dossier = Dossier.SubmitOnline(Guid.NewGuid(), NewReference(), checkedFiling.Record, applicant, clock.GetUtcNow());

        try
        {
            // One SaveChanges is one transaction on its own: the dossier, its event, its notices, the key (and the
            // citizen's draft, removed by `alongside`) commit together. No explicit transaction around it: that cost a
            // savepoint and a round trip per filing (ADR 0014).
            db.Dossiers.Add(dossier);
            db.Set<DossierSubmission>().Add(new DossierSubmission { IdempotencyKey = idempotencyKey, DossierId = dossier.Id });
            if (alongside is not null) await alongside();
            await db.Database.CreateExecutionStrategy().ExecuteAsync(ct => SaveAsync(dossier, ct), ct);
            return dossier;
        }
        catch (DbUpdateException e) when (DossierConflicts.IsConflict(e))
        {
            // The same key arrived twice at once: the other request filed it; answer with that dossier.
            db.ChangeTracker.Clear();
            return await FindByKeyAsync(idempotencyKey, ct) ?? throw new DossierProblem("conflict", "Không lưu được hồ sơ; hãy thử lại.");
        }
    }

    private sealed record CheckedFiling(ProcedureDefinition Definition, UnitTree Tree, UnitSnapshot Unit, DossierFiling Record);

    /// <summary>The checks every channel shares: a published procedure, a unit that receives it, the channel, the form and the applicant.</summary>
    private async Task<CheckedFiling> CheckFilingAsync(OnlineFiling filing, Channel channel, CancellationToken ct)
    {
        var procedure = await procedures.PublishedAsync(db, filing.ProcedureCode, ct)
            ?? throw new DossierProblem("procedure", "Thủ tục không tồn tại hoặc đã ngừng áp dụng.");
        var definition = procedure.Definition;
        var tree = await units.TodayAsync(ct);
        var unit = tree.Find(filing.ReceivingUnitId) ?? throw new DossierProblem("unit", "Cơ quan tiếp nhận không tồn tại.");
        if (!definition.UnitKinds.Contains(Domain.Organization.UnitKinds.ToKey(unit.Kind)))
            throw new DossierProblem("unit", $"{unit.Name} không tiếp nhận thủ tục này.");
        if (!definition.ReceiveChannels.Contains(channel) || (channel == Channel.Online && definition.Form is null))
            throw new DossierProblem("channel", channel switch
            {
                Channel.Online => "Thủ tục này chưa nộp được trực tuyến.",
                Channel.Post => "Thủ tục này không nhận hồ sơ qua bưu chính.",
                _ => "Thủ tục này không nhận hồ sơ tại quầy.",
            });
        if (procedure.Form is not null) CheckAnswers(procedure.Form, filing);
        else if (filing.Owner.Problems() is { Count: > 0 } problems) throw new DossierFormProblem([], problems);
        return new CheckedFiling(definition, tree, unit, new DossierFiling
        {
            ProcedureCode = definition.NationalCode, ProcedureVersionId = procedure.VersionId, ReceivingUnitId = unit.Id,
            Owner = filing.Owner, FiledBy = filing.FiledBy, Answers = filing.Answers, Attachments = filing.Attachments,
        });
    }

    /// <summary>The counter officer accepts: the legal code and the due date from the receiving unit's calendar.</summary>
    public async Task<Dossier> AcceptAsync(Guid dossierId, int expectedVersion, Actor officer, CancellationToken ct)
    {
        var dossier = await LoadAsync(dossierId, ct);
        dossier.EnsureVersion(expectedVersion);
        var definition = await VersionAsync(dossier.ProcedureVersionId, ct);
        var tree = await units.TodayAsync(ct);
        var unit = tree.Find(dossier.ReceivingUnitId) ?? throw new DossierProblem("unit", "Cơ quan tiếp nhận không còn hoạt động.");
        var calendar = await calendars.ForUnitAsync(unit.Id, ct);
        var now = clock.GetUtcNow();
        var deadline = calendar.DueDate(now, definition.ProcessingTime.Value, definition.ProcessingTime.Unit);
        var context = new ProcessingContext(definition.Workflow!, workflowUnits.ResolverFor(tree, unit.Id, definition.Field), calendar);
        await InTransactionAsync(async () =>
        {
            var day = VietnamTime.Today(clock);
            var sequence = await codes.NextAsync(unit.Code, day, ct);
            dossier.Accept(DossierCode.Create(unit.Code, now, sequence), deadline, context, officer, now);
            await SaveAsync(dossier, ct);
        }, ct);
        return dossier;
    }

    public async Task<Dossier> RefuseAsync(Guid dossierId, int expectedVersion, string reason, Actor officer, CancellationToken ct)
    {
        var dossier = await LoadAsync(dossierId, ct);
        dossier.EnsureVersion(expectedVersion);
        dossier.Refuse(reason, officer, clock.GetUtcNow());
        await InTransactionAsync(() => SaveAsync(dossier, ct), ct);
        return dossier;
    }

    /// <summary>The same checks as the form pages: every field of the procedure's form, and the applicant.</summary>
    private static void CheckAnswers(Forms.DossierForm form, OnlineFiling filing)
    {
        System.Text.Json.Nodes.JsonObject answers;
        try
        {
            answers = System.Text.Json.Nodes.JsonNode.Parse(filing.Answers) as System.Text.Json.Nodes.JsonObject
                ?? throw new DossierProblem("answers", "Tờ khai phải là một đối tượng JSON.");
        }
        catch (System.Text.Json.JsonException)
        {
            throw new DossierProblem("answers", "Tờ khai không đúng định dạng JSON.");
        }
        var errors = Forms.FormValidation.ValidateAll(form, answers);
        var applicant = filing.Owner.Problems().Concat(filing.FiledBy?.Problems() ?? []).Distinct().ToList();
        if (errors.Count > 0 || applicant.Count > 0) throw new DossierFormProblem(errors, applicant);
    }

    public async Task<Dossier> LoadAsync(Guid id, CancellationToken ct)
    {
        // Split: one query per collection (tasks, events, rounds, …) instead of one join whose rows multiply them.
        var dossier = await db.Dossiers.Include(d => d.Tasks).AsSplitQuery().FirstOrDefaultAsync(d => d.Id == id, ct)
            ?? throw new DossierProblem("not-found", "Không tìm thấy hồ sơ.");
        _loadedEvents.TryAdd(dossier.Id, dossier.Events.Count);
        return dossier;
    }

    /// <summary>The dossier's version as committed now, read past the change tracker (null when it is gone).</summary>
    public Task<int?> CurrentVersionAsync(Guid id, CancellationToken ct) =>
        db.Dossiers.AsNoTracking().Where(d => d.Id == id).Select(d => (int?)d.Version).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Saves the dossier's change with the applicant's notices for its new public events and the push of its new state
    /// to the national portal (call inside a transaction).
    /// </summary>
    internal async Task SaveAsync(Dossier dossier, CancellationToken ct)
    {
        notifier.Queue(dossier, _loadedEvents.GetValueOrDefault(dossier.Id));
        portal.Queue(dossier);
        await db.SaveChangesAsync(ct);
    }

    private async Task<Dossier?> FindByKeyAsync(string key, CancellationToken ct)
    {
        var id = await db.Set<DossierSubmission>().Where(s => s.IdempotencyKey == key).Select(s => (Guid?)s.DossierId).FirstOrDefaultAsync(ct);
        return id is null ? null : await LoadAsync(id.Value, ct);
    }

    /// <summary>The version the dossier was filed under, even if a newer one was published since.</summary>
    /// <remarks>Cached: a published version never changes (ADR 0004), and every action on a dossier needs its workflow.</remarks>
    internal async Task<ProcedureDefinition> VersionAsync(Guid versionId, CancellationToken ct) =>
        (await procedures.VersionAsync(db, versionId, ct)).Definition;

    /// <summary>A reference the citizen can read out over the phone: date plus 8 random base-32 characters.</summary>
    private string NewReference()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        Span<char> random = stackalloc char[8];
        for (var i = 0; i < random.Length; i++) random[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        return string.Create(CultureInfo.InvariantCulture, $"HS-{VietnamTime.Today(clock):yyMMdd}-{random}");
    }

    internal async Task InTransactionAsync(Func<Task> work, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await work();
            await tx.CommitAsync(ct);
        });
    }
}
