using Microsoft.AspNetCore.Mvc;
using MotCua.Web.Features.Admin;

namespace MotCua.Web.Features.Audit;

/// <summary>
/// /staff/audit: the supervisors' search of the audit log (who, object, action, days), newest first, paged; only
/// entries about units they see. Deny by default: the base refuses (403) anyone without a supervisor's or an
/// administrator's role.
/// </summary>
public sealed class AuditIndexModel(AuditSearch search, IAuditLog audit) : AdminPageModel
{
    [BindProperty(SupportsGet = true)] public string? Who { get; set; }
    [BindProperty(SupportsGet = true)] public string? Object { get; set; }
    [BindProperty(SupportsGet = true, Name = "action")] public string? ActionCode { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public AuditPage Result { get; private set; } = new([], 1, false);

    protected override IReadOnlyList<string> FieldOrder => [nameof(From), nameof(To)];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var from = Day(nameof(From), From);
        var to = Day(nameof(To), To);
        if (Errors.Any) return Page();
        var filter = new AuditFilter(Who, Object, ActionCode, from, to);
        if (await search.RunAsync(filter, PageNumber, ct) is not { } result) return Forbidden();
        Result = result;
        await AuditReads.SearchedAsync(audit, Scope, filter, ct);
        return Page();
    }

    private DateOnly? Day(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (AdminText.TryParseDate(text, out var day)) return day;
        AddError(field, "admin.error.date");
        return null;
    }

    /// <summary>This search again on another page.</summary>
    public string Link(int page) =>
        "/staff/audit" + QueryString.Create(new Dictionary<string, string?>
        {
            ["who"] = Who, ["object"] = Object, ["action"] = ActionCode, ["from"] = From, ["to"] = To, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(p => !string.IsNullOrWhiteSpace(p.Value)));

    public string ActorKey(AuditEntry e) => "audit.actor." + e.ActorKind;

    public string OutcomeKey(AuditEntry e) => "audit.outcome." + e.Outcome;
}
