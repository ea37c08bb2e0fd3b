using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Organization;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Dossiers;

/// <summary>What narrows the inbox besides the tab: procedure code, national status, one unit, and text in the code, reference or applicant's name.</summary>
public sealed record InboxFilter(string? Procedure = null, DossierStatus? Status = null, Guid? Unit = null, string? Text = null)
{
    /// <summary>Whether the filter reads the dossier (not only its task).</summary>
    public bool TouchesDossier => !string.IsNullOrWhiteSpace(Procedure) || Status is not null || !string.IsNullOrWhiteSpace(Text);
}

/// <summary>How many open tasks each tab holds. Over several units a count stops past <see cref="Cap"/> (shown "1000+").</summary>
public sealed record InboxCounts(int Mine, int Unit, int DueSoon, int Overdue)
{
    public const int Cap = 1000;

    /// <summary>The count as people read it: exact up to the cap, "1000+" beyond.</summary>
    public static string Show(int count) => count > Cap ? $"{Cap}+" : count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The tabs whose count is a lower bound (stopped past the cap).</summary>
    public IReadOnlyList<string> Capped =>
        [.. new[] { ("mine", Mine), ("unit", Unit), ("dueSoon", DueSoon), ("overdue", Overdue) }.Where(c => c.Item2 > Cap).Select(c => c.Item1)];
}

/// <summary>One open task with its dossier, as the inbox lists it.</summary>
public sealed record InboxRow(
    Guid DossierId, string? Code, string Reference, string ProcedureCode, Guid ProcedureVersionId, DossierStatus Status, string ApplicantName,
    DateTimeOffset? DueAt, DateTimeOffset? DueAtAdjusted, Guid TaskId, TaskKind Kind, string StepKey, StaffRole Role, Guid UnitId,
    string? AssigneeName, DateTimeOffset? StepDueAt)
{
    /// <summary>The step is past its own share of the time: shows before the dossier itself is late.</summary>
    public bool StepLate(DateTimeOffset now) => StepDueAt < now;

    public bool DossierLate(DateTimeOffset now) => DueAtAdjusted < now;
}

public sealed record InboxResult(InboxCounts Counts, int Page, int Total, IReadOnlyList<InboxRow> Items);

/// <summary>A dossier waiting at a counter: filed online and not yet received (status 1), or processed and waiting to be returned (status 9).</summary>
public sealed record CounterRow(Guid DossierId, string? Code, string Reference, string ProcedureCode, string ApplicantName, DossierStatus Status, DateTimeOffset SubmittedAt, DateTimeOffset? AppointmentAt, bool Supplemented);

/// <summary>
/// The officer's work list: open tasks that are mine, my units' (a supervisor's units include those below), due
/// within a day, or overdue, with the counts of each; shared by the inbox page and <c>/api/v1/inbox</c>. Only the
/// units passed in (those the user may see) are ever read.
/// </summary>
public sealed class InboxQuery(MotCuaDbContext db)
{
    public const int PageSize = 50;
    public static readonly TimeSpan DueSoon = TimeSpan.FromHours(24);
    public static readonly IReadOnlyList<string> Views = ["mine", "unit", "dueSoon", "overdue"];

    // A class with init properties, not a positional record: EF translates member access through an initializer only.
    private sealed class Pair
    {
        public required DossierTask T { get; init; }
        public required Dossier D { get; init; }
    }

    /// <summary>Null when <paramref name="view"/> is not one of <see cref="Views"/>.</summary>
    public async Task<InboxResult?> RunAsync(IReadOnlyCollection<Guid> units, string me, string view, InboxFilter filter, int page, DateTimeOffset now, CancellationToken ct)
    {
        if (!Views.Contains(view)) return null;
        var soon = now + DueSoon;
        var ids = units.ToList();
        // One unit (a ward officer, the usual case) as an equality, so PostgreSQL walks the open-task index in due order.
        var tasks = db.DossierTasks.AsNoTracking().Where(t => t.CompletedAt == null);
        var single = ids.Count == 1 ? ids[0] : Guid.Empty;
        var scoped = ids.Count == 1 ? tasks.Where(t => t.UnitId == single) : tasks.Where(t => ids.Contains(t.UnitId));
        if (filter.Unit is { } unit) scoped = scoped.Where(t => t.UnitId == unit);
        var open = Filter(scoped.Join(db.Dossiers.AsNoTracking(), t => EF.Property<Guid>(t, "DossierId"), d => d.Id, (t, d) => new Pair { T = t, D = d }), filter);
        var tally = ids.Count == 1 && filter.Unit is null
            ? await ExactCountsAsync(scoped, open, filter, me, now, soon, ct)
            : await CappedCountsAsync(scoped, open, filter, me, now, soon, ct);
        var (filtered, total) = view switch
        {
            "mine" => (open.Where(x => x.T.AssigneeId == me), tally.Mine),
            "dueSoon" => (open.Where(x => x.T.StepDueAt != null && x.T.StepDueAt >= now && x.T.StepDueAt < soon), tally.DueSoon),
            "overdue" => (open.Where(x => x.T.StepDueAt != null && x.T.StepDueAt < now), tally.Overdue),
            _ => (open, tally.Unit),
        };
        total = Math.Min(total, InboxCounts.Cap);
        var p = Math.Clamp(page, 1, (InboxCounts.Cap + PageSize - 1) / PageSize);
        // PostgreSQL sorts NULLs last when ascending, as the inbox wants, and so can read the index in order;
        // SQLite sorts them first and needs the extra key.
        var ordered = db.Database.IsNpgsql() ? filtered.OrderBy(x => x.T.StepDueAt) : filtered.OrderBy(x => x.T.StepDueAt == null).ThenBy(x => x.T.StepDueAt);
        var items = await ordered
            .Skip((p - 1) * PageSize).Take(PageSize)
            .Select(x => new InboxRow(x.D.Id, x.D.Code, x.D.Reference, x.D.ProcedureCode, x.D.ProcedureVersionId, x.D.Status, x.D.Owner.FullName,
                x.D.DueAt, x.D.DueAtAdjusted, x.T.Id, x.T.Kind, x.T.StepKey, x.T.Role, x.T.UnitId, x.T.AssigneeName, x.T.StepDueAt))
            .ToListAsync(ct);
        return new InboxResult(tally, p, total, items);
    }

    /// <summary>
    /// One unit's counts, exact, in one round trip (the inbox is the page officers open most). Without a filter on the
    /// dossier they come from the open-task index alone, without reading a dossier row.
    /// </summary>
    private static async Task<InboxCounts> ExactCountsAsync(IQueryable<DossierTask> scoped, IQueryable<Pair> open, InboxFilter filter, string me,
        DateTimeOffset now, DateTimeOffset soon, CancellationToken ct) =>
        (filter.TouchesDossier
            ? await open.GroupBy(_ => 1).Select(g => new InboxCounts(
                g.Count(x => x.T.AssigneeId == me),
                g.Count(),
                g.Count(x => x.T.StepDueAt != null && x.T.StepDueAt >= now && x.T.StepDueAt < soon),
                g.Count(x => x.T.StepDueAt != null && x.T.StepDueAt < now))).FirstOrDefaultAsync(ct)
            : await scoped.GroupBy(_ => 1).Select(g => new InboxCounts(
                g.Count(t => t.AssigneeId == me),
                g.Count(),
                g.Count(t => t.StepDueAt != null && t.StepDueAt >= now && t.StepDueAt < soon),
                g.Count(t => t.StepDueAt != null && t.StepDueAt < now))).FirstOrDefaultAsync(ct)) ?? new InboxCounts(0, 0, 0, 0);

    /// <summary>
    /// Several units' counts, each stopped past the cap. A city supervisor's units hold hundreds of thousands of open
    /// tasks: counting them all on every page view cost tens of milliseconds of database time (docs/performance.md),
    /// and nobody pages past the first thousand (the filters narrow the list; the KPI pages give the city's totals).
    /// Each count reads at most Cap + 1 entries of an index.
    /// </summary>
    private static async Task<InboxCounts> CappedCountsAsync(IQueryable<DossierTask> scoped, IQueryable<Pair> open, InboxFilter filter, string me,
        DateTimeOffset now, DateTimeOffset soon, CancellationToken ct)
    {
        const int over = InboxCounts.Cap + 1;
        if (filter.TouchesDossier)
        {
            return new InboxCounts(
                await open.Where(x => x.T.AssigneeId == me).Take(over).CountAsync(ct),
                await open.Take(over).CountAsync(ct),
                await open.Where(x => x.T.StepDueAt != null && x.T.StepDueAt >= now && x.T.StepDueAt < soon).Take(over).CountAsync(ct),
                await open.Where(x => x.T.StepDueAt != null && x.T.StepDueAt < now).Take(over).CountAsync(ct));
        }
        return new InboxCounts(
            await scoped.Where(t => t.AssigneeId == me).Take(over).CountAsync(ct),
            await scoped.Take(over).CountAsync(ct),
            await scoped.Where(t => t.StepDueAt != null && t.StepDueAt >= now && t.StepDueAt < soon).Take(over).CountAsync(ct),
            await scoped.Where(t => t.StepDueAt != null && t.StepDueAt < now).Take(over).CountAsync(ct));
    }

    /// <summary>Units (among those given) that hold open tasks now: the choices of the unit filter.</summary>
    /// <remarks>One probe of the open-task index per unit, not a pass over every open task of the units.</remarks>
    public async Task<IReadOnlyList<Guid>> UnitsWithWorkAsync(IReadOnlyCollection<Guid> units, CancellationToken ct)
    {
        var ids = units.ToList();
        return await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Where(u => db.DossierTasks.Any(t => t.UnitId == u.Id && t.CompletedAt == null))
            .Select(u => u.Id).ToListAsync(ct);
    }

    /// <summary>
    /// The counter's queue at the given receiving units: online dossiers waiting to be received (a supplement
    /// answered at reception brings a dossier back to status 1) and results waiting to be returned.
    /// </summary>
    public async Task<IReadOnlyList<CounterRow>> CounterQueueAsync(IReadOnlyCollection<Guid> counters, DossierStatus status, CancellationToken ct)
    {
        var ids = counters.ToList();
        if (ids.Count == 0) return [];
        return await db.Dossiers.AsNoTracking()
            .Where(d => ids.Contains(d.ReceivingUnitId) && d.Status == status)
            .OrderBy(d => d.SubmittedAt)
            .Take(200)
            .Select(d => new CounterRow(d.Id, d.Code, d.Reference, d.ProcedureCode, d.Owner.FullName, d.Status, d.SubmittedAt, d.AppointmentAt, d.SupplementRounds.Any()))
            .ToListAsync(ct);
    }

    private static IQueryable<Pair> Filter(IQueryable<Pair> q, InboxFilter f)
    {
        if (!string.IsNullOrWhiteSpace(f.Procedure)) q = q.Where(x => x.D.ProcedureCode == f.Procedure.Trim());
        if (f.Status is { } status) q = q.Where(x => x.D.Status == status);
        if (!string.IsNullOrWhiteSpace(f.Text))
        {
            var text = f.Text.Trim();
            var upper = text.ToUpperInvariant();
            q = q.Where(x => (x.D.Code != null && x.D.Code.Contains(upper)) || x.D.Reference.Contains(upper) || x.D.Owner.FullName.Contains(text));
        }
        return q;
    }
}
