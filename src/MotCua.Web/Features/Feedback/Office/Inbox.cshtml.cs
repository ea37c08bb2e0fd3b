using Microsoft.AspNetCore.Mvc;
using MotCua.Domain.Feedback;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Dossiers.Office;
using MotCua.Web.Features.Feedback.Handling;

namespace MotCua.Web.Features.Feedback.Office;

/// <summary>
/// The feedback inbox of the units a staff member sees: tabs new / mine / unit / due soon / overdue / escalated /
/// closed with counts, filters by status and category, 25 a page (<see cref="FeedbackInbox"/>, as /api/v1/feedback).
/// </summary>
public sealed class FeedbackInboxModel(FeedbackInbox inbox, FeedbackCategories categories, TimeProvider clock) : OfficePageModel
{
    [BindProperty(SupportsGet = true)] public string? View { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public FeedbackInboxResult Result { get; private set; } = null!;
    public IReadOnlyList<FeedbackCategory> Categories { get; private set; } = [];
    public UnitTree Tree { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }
    /// <summary>The city's administrators manage the Open311 keys and the categories from here.</summary>
    public bool CityAdministrator { get; private set; }

    public int PageCount => Math.Max(1, (Result.Total + FeedbackInbox.PageSize - 1) / FeedbackInbox.PageSize);


    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (View is not null && !FeedbackInbox.Views.Contains(View)) return BadRequest();
        FeedbackStatus? status = Enum.TryParse<FeedbackStatus>(Status, out var s) && Enum.IsDefined(s) ? s : null;
        if (status is null) Status = null;
        Now = clock.GetUtcNow();
        Tree = await Scope.TodayTreeAsync(ct);
        Categories = await categories.ActiveAsync(ct);
        CityAdministrator = await Scope.IsCityAdministratorAsync(ct);
        Result = await inbox.ListAsync(new FeedbackInboxQuery(View, status, Category, PageNumber), ct);
        return Page();
    }

    public string CategoryName(string code) => Categories.FirstOrDefault(c => c.Code == code)?.Name ?? code;

    public string UnitName(Guid id) => Tree.Find(id)?.Name ?? "";

    /// <summary>The same list with the view or page changed, the filters kept.</summary>
    public string Link(string? view = null, int? page = null)
    {
        var query = new List<string> { "view=" + (view ?? Result.View) };
        if (!string.IsNullOrEmpty(Status)) query.Add("status=" + Uri.EscapeDataString(Status));
        if (!string.IsNullOrEmpty(Category)) query.Add("category=" + Uri.EscapeDataString(Category));
        if (page is > 1) query.Add("page=" + page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/staff/feedback?" + string.Join("&", query);
    }

    /// <summary>The first words of the citizen's text, for the list.</summary>
    public static string Excerpt(string text) => text.Length <= 120 ? text : text[..117] + "…";
}
