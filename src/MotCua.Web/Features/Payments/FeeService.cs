using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using MotCua.Domain.Catalog;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Payments;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Payments.Data;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Payments;

/// <summary>
/// The fee of a filing: quoted from the procedure's rules and the form's answers (the wizard's check step), and fixed
/// when the dossier is filed — a <see cref="DossierFee"/> row and, when something is due, the filing's
/// <see cref="PaymentOrder"/>, both saved by the filing's own SaveChanges (one transaction with the dossier).
/// </summary>
public sealed class FeeService(MotCuaDbContext db, FilingProcedures procedures, TimeProvider clock)
{
    public static FeeQuote Quote(ProcedureDefinition definition, string? answersJson) =>
        FeeCalculator.Quote(definition.Fees, Reader(answersJson));

    public static FeeQuote Quote(ProcedureDefinition definition, JsonObject answers) =>
        FeeCalculator.Quote(definition.Fees, field => Text(answers[field]));

    /// <summary>
    /// Fixes the fee of the next dossier this unit of work adds (the filing under way): the filing code calls nothing
    /// here, it only saves; the row rides on its SaveChanges. <paramref name="claim"/>: the applicant's reason for an
    /// exemption, if they claim one (a counter officer confirms it).
    /// </summary>
    /// <returns>Dispose after the filing: a repeated submit files nothing, and the pooled context must not keep the watch.</returns>
    public IDisposable RecordOnFiling(ProcedureDefinition definition, string? claim)
    {
        void OnTracked(object? sender, EntityTrackedEventArgs e)
        {
            if (e.FromQuery || e.Entry.State != EntityState.Added || e.Entry.Entity is not Dossier dossier) return;
            db.ChangeTracker.Tracked -= OnTracked;
            Add(dossier, definition, string.IsNullOrWhiteSpace(claim) ? null : claim.Trim());
        }
        db.ChangeTracker.Tracked += OnTracked;
        return new Unwatch(() => db.ChangeTracker.Tracked -= OnTracked);
    }

    private sealed class Unwatch(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }

    /// <summary>
    /// The dossier's fee row, fixed now from the version it was filed under if filing did not (counter, post, the API):
    /// a published version never changes, so the amount is the one that applied at filing.
    /// </summary>
    public async Task<DossierFee> FixedAsync(Dossier dossier, CancellationToken ct)
    {
        if (await db.Set<DossierFee>().FirstOrDefaultAsync(f => f.DossierId == dossier.Id, ct) is { } fee) return fee;
        var definition = (await procedures.VersionAsync(db, dossier.ProcedureVersionId, ct)).Definition;
        var added = Add(dossier, definition, null);
        try
        {
            await db.SaveChangesAsync(ct);
            return added;
        }
        catch (DbUpdateException e) when (DossierConflicts.IsConflict(e))
        {
            // Another request fixed it a moment ago: theirs stands (it is the same amount).
            db.ChangeTracker.Clear();
            return await db.Set<DossierFee>().AsNoTracking().FirstAsync(f => f.DossierId == dossier.Id, ct);
        }
    }

    private DossierFee Add(Dossier dossier, ProcedureDefinition definition, string? claim)
    {
        var quote = Quote(definition, dossier.Answers);
        var fee = new DossierFee
        {
            DossierId = dossier.Id, Total = quote.Total, Complete = quote.Complete, Lines = JsonSerializer.Serialize(quote.Lines, JsonSerializerOptions.Web),
            FixedAt = clock.GetUtcNow(), Exemption = claim is null ? ExemptionState.None : ExemptionState.Claimed,
            ExemptionReason = claim?.Length > 500 ? claim[..500] : claim,
        };
        db.Add(fee);
        if (quote.Total > 0)
        {
            db.Add(new PaymentOrder
            {
                Id = Guid.NewGuid(), DossierId = dossier.Id, RequestIndex = PaymentOrder.FilingFee, Amount = quote.Total,
                Description = string.Join("; ", quote.Lines.Where(l => l.Known && l.Amount > 0).Select(l => l.Name)), CreatedAt = fee.FixedAt,
            });
        }
        return fee;
    }

    public static IReadOnlyList<FeeLine> LinesOf(DossierFee fee) =>
        JsonSerializer.Deserialize<List<FeeLine>>(fee.Lines, JsonSerializerOptions.Web) ?? [];

    private static Func<string, string?> Reader(string? json)
    {
        JsonObject? answers = null;
        try { answers = string.IsNullOrWhiteSpace(json) ? null : JsonNode.Parse(json) as JsonObject; }
        catch (JsonException) { }
        return field => answers is null ? null : Text(answers[field]);
    }

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<long>(out var n) => n.ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };
}
