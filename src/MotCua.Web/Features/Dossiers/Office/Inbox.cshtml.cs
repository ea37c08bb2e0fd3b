using Microsoft.AspNetCore.Mvc;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Features.Identity;

namespace MotCua.Web.Features.Dossiers.Office;

/// <summary>
/// The work list: tabs mine / my units / due soon / overdue with counts (<see cref="InboxQuery"/>, the same query
/// as /api/v1/inbox), filters, and for counter officers the queue of online dossiers waiting at their counters and
/// results waiting to be returned.
/// </summary>
public sealed class InboxModel(InboxQuery inbox, CatalogSearch catalog, DossierService dossiers, TimeProvider clock) : OfficePageModel
{
    [BindProperty(SupportsGet = true)] public string? View { get; set; }
    [BindProperty(SupportsGet = true)] public string? Procedure { get; set; }
    [BindProperty(SupportsGet = true)] public int? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public DateTimeOffset Now { get; private set; }
    public InboxResult Result { get; private set; } = new(new InboxCounts(0, 0, 0, 0), 1, 0, []);
    public IReadOnlyList<CounterRow> Waiting { get; private set; } = [];
    public IReadOnlyList<CounterRow> ToReturn { get; private set; } = [];
    public bool IsCounterOfficer { get; private set; }
    public IReadOnlyList<UnitSnapshot> UnitChoices { get; private set; } = [];
    public IReadOnlyDictionary<string, string> ProcedureNames { get; private set; } = new Dictionary<string, string>();
    public UnitTree Tree { get; private set; } = null!;

    public string CurrentView => View ?? "unit";

    public int PageCount => Math.Max(1, (Result.Total + InboxQuery.PageSize - 1) / InboxQuery.PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (View is not null && !InboxQuery.Views.Contains(View)) return BadRequest();
        if (Status is { } s && !Enum.IsDefined((DossierStatus)s)) Status = null;
        Now = clock.GetUtcNow();
        Tree = await Scope.TodayTreeAsync(ct);
        var visible = await Scope.VisibleTodayAsync(ct);
        // A unit outside the person's reach filters to nothing rather than revealing anything.
        if (Unit is { } u && !visible.Contains(u)) Unit = Guid.Empty;
        var me = UnitScope.StaffIdOf(User)?.ToString() ?? "";
        Result = (await inbox.RunAsync([.. visible], me, CurrentView, new InboxFilter(Procedure, (DossierStatus?)Status, Unit, Q), PageNumber, Now, ct))!;
        // Supervisors see units below theirs: offer the ones with work as a filter.
        if (visible.Count > 1)
        {
            UnitChoices = [.. (await inbox.UnitsWithWorkAsync([.. visible], ct)).Select(Tree.Find).OfType<UnitSnapshot>().OrderBy(x => x.Name, StringComparer.Ordinal)];
        }
        var counters = await CountersAsync(ct);
        IsCounterOfficer = counters.Count > 0;
        if (IsCounterOfficer)
        {
            Waiting = await inbox.CounterQueueAsync(counters, DossierStatus.New, ct);
            ToReturn = await inbox.CounterQueueAsync(counters, DossierStatus.Processed, ct);
        }
        // One entry for the page's applicants' names: the rows' units, and the counters when their queues showed any.
        var queued = Waiting.Count + ToReturn.Count;
        IEnumerable<Guid> rowUnits = queued > 0 ? Result.Items.Select(i => i.UnitId).Concat(counters) : Result.Items.Select(i => i.UnitId);
        if (Audit.DossierRecords.List("/staff/inbox", $"{CurrentView} {Q}".Trim(), [.. rowUnits], Result.Items.Count + queued) is { } read)
            await AuditLog.WriteAsync(read, ct);
        var all = await catalog.FindAsync(new CatalogQuery(null, null, null, null, null, null), 0, int.MaxValue, ct);
        ProcedureNames = all.Items.Select(i => i.Procedure).GroupBy(p => p.Code).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        foreach (var version in Result.Items.Select(i => i.ProcedureVersionId).Distinct())
        {
            foreach (var step in (await dossiers.VersionAsync(version, ct)).Workflow?.Steps ?? []) _steps[(version, step.Key)] = step.Name;
        }
        return Page();
    }

    private readonly Dictionary<(Guid, string), string> _steps = [];

    /// <summary>The step's name in the workflow the dossier was filed under.</summary>
    public string StepName(InboxRow row) => _steps.TryGetValue((row.ProcedureVersionId, row.StepKey), out var name) ? name : row.StepKey;

    public string ProcedureName(string code) => ProcedureNames.TryGetValue(code, out var name) ? name : code;

    public string UnitName(Guid id) => Tree.Find(id)?.Name ?? "";

    /// <summary>The same list with one parameter changed, for tabs and pages.</summary>
    public string Link(string? view = null, int? page = null)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value)) query.Add(name + "=" + Uri.EscapeDataString(value));
        }
        Add("view", view ?? CurrentView);
        Add("procedure", Procedure);
        Add("status", Status?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("unit", Unit?.ToString());
        Add("q", Q);
        if (page is > 1) Add("page", page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/staff/inbox?" + string.Join("&", query);
    }
}
