using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Audit;

/// <summary>The verification's answer: the first entry found wrong (null when the chain holds) and why.</summary>
public sealed record AuditVerification(long Checked, long Unsealed, long? BadEntry, string? Problem, long HeadPosition, string HeadHash)
{
    public bool Ok => Problem is null;
}

/// <summary>
/// Recomputes the chain link by link, in position order, and stops at the first link that does not hold: a changed
/// entry (its hash differs), a removed entry (a link points at nothing), a removed or moved link (the position or the
/// entry it says it follows does not match). Gaps in entry numbers left by rolled-back transactions are no problem:
/// the chain runs over the entries that were sealed, whatever their numbers.
/// </summary>
public sealed class AuditVerifier(MotCuaDbContext db, IOptions<AuditOptions> options)
{
    private const int Page = 1000;

    /// <param name="anchors">
    /// Links as a copy kept outside the database recorded them (position → hash: the sealer logs each head it writes).
    /// Someone who can write to the database can rewrite the newest entries together with their links so that the chain
    /// holds again; only a copy they could not reach shows it.
    /// </param>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct, IReadOnlyDictionary<long, byte[]>? anchors = null)
    {
        anchors ??= new Dictionary<long, byte[]>();
        var previousHash = AuditChain.Genesis;
        long? previousEntry = null;
        long position = 0;
        long checkedCount = 0;
        while (true)
        {
            var seals = await db.Set<AuditSeal>().AsNoTracking().Where(s => s.Position > position)
                .OrderBy(s => s.Position).Take(Page).ToListAsync(ct);
            if (seals.Count == 0) break;
            var numbers = seals.Select(s => s.EntrySequence).ToList();
            var entries = await db.Set<AuditEntry>().AsNoTracking().Include(e => e.Units)
                .Where(e => numbers.Contains(e.Sequence)).ToDictionaryAsync(e => e.Sequence, ct);
            foreach (var seal in seals)
            {
                var n = seal.EntrySequence;
                string? problem = null;
                if (seal.Position != position + 1)
                {
                    // The entry the next link says it follows is the one that went with the missing link.
                    problem = $"link {position + 1} is missing: the chain jumps to link {seal.Position}, which follows entry {Show(seal.PreviousEntrySequence)}";
                    n = seal.PreviousEntrySequence ?? n;
                }
                else if (seal.PreviousEntrySequence != previousEntry)
                    problem = $"entry {n} was chained after entry {Show(seal.PreviousEntrySequence)}, but the entry before it is {Show(previousEntry)}: an entry or a link was removed or moved";
                else if (!entries.TryGetValue(n, out var entry))
                    problem = $"entry {n} is missing: it was removed after it was sealed";
                else if (!AuditChain.Link(previousHash, entry).AsSpan().SequenceEqual(seal.Hash))
                    problem = $"entry {n} does not match its seal: it was changed after it was sealed";
                else if (anchors.TryGetValue(seal.Position, out var kept) && !kept.AsSpan().SequenceEqual(seal.Hash))
                    problem = $"link {seal.Position} (entry {n}) is not the one the kept copy recorded: the log was rewritten from there or before";
                if (problem is not null) return new(checkedCount, 0, n, problem, position, Convert.ToHexStringLower(previousHash));
                (previousHash, previousEntry, position) = (seal.Hash, n, seal.Position);
                checkedCount++;
            }
        }

        if (anchors.Keys.Where(p => p > position).Order().FirstOrDefault() is > 0 and var lost)
            return new(checkedCount, 0, null, $"link {lost} is gone: the kept copy recorded it, the chain now ends at link {position}",
                position, Convert.ToHexStringLower(previousHash));

        // Entries below the sealer's look-back that were never sealed cannot be vouched for: one was inserted behind the
        // sealer's back, or committed long after its number was taken.
        var reach = Math.Max(0, (previousEntry ?? 0) - options.Value.LookBack);
        var orphan = await db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Sequence <= reach && !db.Set<AuditSeal>().Any(s => s.EntrySequence == e.Sequence))
            .OrderBy(e => e.Sequence).Select(e => (long?)e.Sequence).FirstOrDefaultAsync(ct);
        var unsealed = await db.Set<AuditEntry>().AsNoTracking().LongCountAsync(e => !db.Set<AuditSeal>().Any(s => s.EntrySequence == e.Sequence), ct);
        return orphan is { } o
            ? new(checkedCount, unsealed, o, $"entry {o} was never sealed and is behind the sealer's reach", position, Convert.ToHexStringLower(previousHash))
            : new(checkedCount, unsealed, null, null, position, Convert.ToHexStringLower(previousHash));
    }

    private static string Show(long? entry) => entry?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none: the first)";
}
