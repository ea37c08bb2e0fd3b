using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Feedback;
using MotCua.Domain.Organization;
using MotCua.Domain.Privacy;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Dossiers.Office;
using MotCua.Web.Features.Feedback.Handling;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Feedback.Office;

/// <summary>
/// One report for staff: the citizen's text and photos (shown even when hidden from the public), the place, the answers
/// to the category's questions, the official answers, every event with both units of each hop, the due date, and the
/// action forms this person may use now. Another unit's report is a 404. The posts are in Report.Post.cs.
/// </summary>
public sealed partial class FeedbackReportModel(FeedbackHandling handling, FeedbackCategories categories, MotCuaDbContext db, TimeProvider clock) : OfficePageModel
{
    public FeedbackReport R { get; private set; } = null!;
    public FeedbackCategory? Category { get; private set; }
    public UnitTree Tree { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }
    public IReadOnlyList<string> Allowed { get; private set; } = [];
    /// <summary>Where this person may re-route the report: (code, name).</summary>
    public IReadOnlyList<(string Code, string Name)> Targets { get; private set; } = [];
    public string? DuplicateOfNumber { get; private set; }

    /// <summary>The action just done (after the redirect), for the confirmation.</summary>
    [BindProperty(SupportsGet = true, Name = "done")] public string? Done { get; set; }

    /// <summary>A conflict or a refusal, shown above everything.</summary>
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!FeedbackActions.Exists(Done)) Done = null;
        if (!await LoadAsync(id, ct)) return NotFound();
        await AuditLog.WriteAsync(new AuditRecord("feedback.view", new AuditObject("feedback", R.Id.ToString(), R.Number), [R.HandlingUnitId]), ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await handling.VisibleAsync(id, ct) is not { } report) return false;
        R = report;
        Now = clock.GetUtcNow();
        Tree = await Scope.TodayTreeAsync(ct);
        Category = await categories.FindAsync(R.CategoryCode, ct);
        var roles = await Scope.RolesAsync(ct);
        Allowed = FeedbackPermissions.Allowed(R, roles, Tree);
        if (Allowed.Contains(FeedbackActions.Reroute))
        {
            Targets = [.. Tree.All.Where(u => u.Id != R.HandlingUnitId && FeedbackPermissions.TargetRefusal(R, u.Id, roles, Tree) is null)
                .OrderBy(u => u.Kind).ThenBy(u => u.Name, StringComparer.Ordinal).Select(u => (u.Code, u.Name))];
            if (Targets.Count == 0) Allowed = [.. Allowed.Where(a => a != FeedbackActions.Reroute)];
        }
        if (R.DuplicateOfId is { } original)
        {
            DuplicateOfNumber = await db.Set<FeedbackReport>().Where(r => r.Id == original).Select(r => r.Number).FirstOrDefaultAsync(ct);
        }
        return true;
    }

    public bool Can(string action) => Allowed.Contains(action);

    public string UnitName(Guid? id) => id is { } u ? Tree.Find(u)?.Name
        ?? HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<MotCuaOptions>>()["feedback.office.unitgone"].Value : "";

    public string PhotoUrl(Guid photoId) => FeedbackHandlingApi.StaffPhotoPath(R.Id, photoId);

    /// <summary>The reporter's phone as lists show personal numbers: the last four digits.</summary>
    public static string Masked(string? phone) => phone is null ? "" : PersonalDataCipher.Mask(phone);

    /// <summary>A question's answer as the citizen chose it: the choices' names rather than their keys.</summary>
    public string AnswerText(CategoryQuestion q, IReadOnlyList<string> values) =>
        string.Join(", ", values.Select(v => q.Choices.FirstOrDefault(c => c.Key == v)?.Name ?? v));

}
