using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Dossiers.Data;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers;

// Intake at the counter (channel 1) and by post (channel 3): the officer has the papers in hand and has
// checked them, so the dossier is received and accepted at once, with its code and due date.
public sealed partial class DossierService
{
    public async Task<Dossier> ReceiveAtCounterAsync(OnlineFiling filing, Channel channel, Actor officer, string idempotencyKey, CancellationToken ct)
    {
        if (channel == Channel.Online) throw new DossierProblem("channel", "Hồ sơ trực tuyến do công dân nộp.");
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 100)
            throw new DossierProblem("idempotency-key", "Thiếu khóa chống nộp trùng (tối đa 100 ký tự).");
        if (await FindByKeyAsync(idempotencyKey, ct) is { } already) return already;

        var (definition, tree, unit, record) = await CheckFilingAsync(filing, channel, ct);
        var calendar = await calendars.ForUnitAsync(unit.Id, ct);
        var now = clock.GetUtcNow();
        var deadline = calendar.DueDate(now, definition.ProcessingTime.Value, definition.ProcessingTime.Unit);
        var context = new ProcessingContext(definition.Workflow!, workflowUnits.ResolverFor(tree, unit.Id, definition.Field), calendar);
        try
        {
            Dossier? dossier = null;
            await InTransactionAsync(async () =>
            {
                var sequence = await codes.NextAsync(unit.Code, VietnamTime.Today(clock), ct);
                dossier = Dossier.Receive(Guid.NewGuid(), NewReference(), record, channel,
                    DossierCode.Create(unit.Code, now, sequence), deadline, context, officer, now);
                db.Dossiers.Add(dossier);
                db.Set<DossierSubmission>().Add(new DossierSubmission { IdempotencyKey = idempotencyKey, DossierId = dossier.Id });
                audit.Stage(Audit.DossierRecords.Intake(dossier, channel));
                await SaveAsync(dossier, ct);
            }, ct);
            return dossier!;
        }
        catch (DbUpdateException e) when (DossierConflicts.IsConflict(e))
        {
            db.ChangeTracker.Clear();
            return await FindByKeyAsync(idempotencyKey, ct) ?? throw new DossierProblem("conflict", "Không lưu được hồ sơ; hãy thử lại.");
        }
    }
}
