using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Feedback;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Admin;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Feedback.Data;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Feedback.Admin;

/// <summary>
/// One category: its name, time limit in working days (1–90), who answers it (the local commune or ward, or one named
/// unit open today) and whether citizens can pick it. Saved with its audit entry; the page posts the time it was shown
/// with, so a change made meanwhile by another administrator is not overwritten. Reports already filed keep their due dates.
/// </summary>
public sealed class FeedbackCategoryModel(MotCuaDbContext db, FeedbackCategories categories, TimeProvider clock) : FeedbackAdminPageModel
{
    public const int MaxWorkingDays = 90;
    public const string Local = "local";

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? TimeLimit { get; set; }
    /// <summary>"local", or a unit's code.</summary>
    [BindProperty] public string? Responsible { get; set; }
    [BindProperty] public bool Active { get; set; }
    [BindProperty] public long Stamp { get; set; }

    public FeedbackCategory Category { get; private set; } = null!;
    public IReadOnlyList<UnitSnapshot> Units { get; private set; } = [];
    public string? Problem { get; private set; }

    protected override IReadOnlyList<string> FieldOrder => ["Name", "TimeLimit", "Responsible"];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await LoadAsync(code, ct) is not { } row) return NotFound();
        Name = row.Name;
        TimeLimit = Category.TimeLimitWorkingDays.ToString(CultureInfo.InvariantCulture);
        Responsible = Category.Responsibility.Level == ResponsibleLevel.Local ? Local : Category.Responsibility.UnitCode;
        Active = row.Active;
        Stamp = row.UpdatedAt.UtcTicks;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (await LoadAsync(code, ct) is not { } row) return NotFound();
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name)) Errors.Add("Name", L["feedback.admin.error.name"].Value);
        else if (name.Length > 200) Errors.Add("Name", L["feedback.admin.error.name.long"].Value);
        if (!int.TryParse(TimeLimit?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days is < 1 or > MaxWorkingDays)
            Errors.Add("TimeLimit", L["feedback.admin.error.timelimit", MaxWorkingDays].Value);
        Responsibility? responsibility = Responsible == Local ? Responsibility.Local
            : Units.FirstOrDefault(u => u.Code == Responsible) is { } unit ? Responsibility.Unit(unit.Code) : null;
        if (responsibility is null) Errors.Add("Responsible", L["feedback.admin.error.responsible"].Value);
        if (Errors.Any) return Page();

        var changed = Category with { Name = name!, TimeLimitWorkingDays = days, Responsibility = responsibility! };
        var definition = FeedbackCategories.Write(changed);
        var now = clock.GetUtcNow();
        var seen = new DateTimeOffset(Stamp, TimeSpan.Zero);
        var roots = (await Scope.TodayTreeAsync(ct)).Roots.Select(r => r.Id).ToList();
        var active = Active;
        // Saved only if the row is still as the page showed it: another administrator's save in between is not overwritten.
        var saved = await db.InTransactionAsync(async () =>
        {
            var updated = await db.Set<FeedbackCategoryRow>().Where(c => c.Code == row.Code && c.UpdatedAt == seen)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, name).SetProperty(c => c.Definition, definition)
                    .SetProperty(c => c.Active, active).SetProperty(c => c.UpdatedAt, now), ct);
            if (updated == 0) return false;
            RecordChange("feedback.category.edit", new AuditObject("feedback-category", row.Code, name), roots,
                detail: $"{days} ngày; {(responsibility!.Level == ResponsibleLevel.Local ? Local : responsibility.UnitCode)}; {(active ? "active" : "inactive")}");
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
        if (!saved)
        {
            db.ChangeTracker.Clear();
            Problem = L["feedback.admin.error.conflict"].Value;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        categories.Invalidate();
        return Redirect($"/admin/feedback/categories?saved={Uri.EscapeDataString(row.Code)}");
    }

    private async Task<FeedbackCategoryRow?> LoadAsync(string code, CancellationToken ct)
    {
        var row = await db.Set<FeedbackCategoryRow>().AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct);
        if (row is null) return null;
        Category = FeedbackCategories.Read(row.Definition) with { Name = row.Name };
        Units = [.. (await Scope.TodayTreeAsync(ct)).All.Where(u => u.Kind is not (UnitKind.Ward or UnitKind.Commune or UnitKind.Township))
            .OrderBy(u => u.Kind).ThenBy(u => u.Name, StringComparer.Ordinal)];
        return row;
    }
}
