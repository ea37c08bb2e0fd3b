using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MotCua.Domain.Feedback;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Feedback.Reporting;
using MotCua.Web.Features.Organization;

namespace MotCua.Web.Features.Feedback.Public;

/// <summary>
/// The public map and list of reports (hidden ones never): newest first, filtered by category, status and handling
/// unit, twenty a page, each with its official answer and photos. The map (when scripts run) shows this page's reports.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(PublicReports reports, FeedbackCategories categories, UnitDirectory units, IOptions<ReportingOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "category")] public string? Category { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "unit")] public Guid? Unit { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<PublicReport> Reports { get; private set; } = [];
    public bool More { get; private set; }
    public IReadOnlyList<FeedbackCategory> Categories { get; private set; } = [];
    public IReadOnlyList<UnitSnapshot> Units { get; private set; } = [];
    public ReportingOptions Map => options.Value;

    public static readonly IReadOnlyList<(string Value, string Key)> StatusChoices =
    [
        ("open", "feedback.list.status.open"), ("closed", "feedback.list.status.closed"),
        .. Enum.GetValues<FeedbackStatus>().Select(s => (s.ToString(), "feedback.status." + s)),
    ];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Categories = await categories.ActiveAsync(ct);
        // The units that answer reports: the city, its departments and its wards and communes (not service centres).
        Units = [.. (await units.TodayAsync(ct)).All.Where(u => u.Kind != UnitKind.ServiceCenter).OrderBy(u => u.Kind).ThenBy(u => u.Name, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false))];
        var filter = new PublicFilter(
            Categories.Any(c => c.Code == Category) ? Category : null,
            StatusChoices.Any(s => s.Value == Status) ? Status : null,
            Unit, PageNumber);
        (Reports, More) = await reports.ListAsync(filter, ct);
        PageNumber = Math.Clamp(PageNumber, 1, PublicFilter.MaxPage);
    }

    /// <summary>This list's address for another page, keeping the filters.</summary>
    public string PageUrl(int page) => QueryHelpers(page);

    private string QueryHelpers(int page)
    {
        var query = new Dictionary<string, string?> { ["category"] = Category, ["status"] = Status, ["unit"] = Unit?.ToString(), ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/feedback", query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
