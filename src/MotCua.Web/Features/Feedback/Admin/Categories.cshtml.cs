using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Feedback;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Feedback.Data;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Feedback.Admin;

/// <summary>The report categories with their time limit, who answers them and whether citizens can pick them now.</summary>
public sealed class FeedbackCategoriesModel(MotCuaDbContext db) : FeedbackAdminPageModel
{
    public sealed record Row(FeedbackCategory Category, bool Active, DateTimeOffset UpdatedAt);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public UnitTree Tree { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "saved")] public string? Saved { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tree = await Scope.TodayTreeAsync(ct);
        var rows = await db.Set<FeedbackCategoryRow>().AsNoTracking().OrderBy(c => c.Order).ThenBy(c => c.Code).ToListAsync(ct);
        Rows = [.. rows.Select(r => new Row(FeedbackCategories.Read(r.Definition) with { Name = r.Name }, r.Active, r.UpdatedAt))];
        if (Saved is not null && Rows.All(r => r.Category.Code != Saved)) Saved = null;
    }

    public string Responsible(Responsibility r) => r.Level == ResponsibleLevel.Local
        ? "Xã, phường nơi có vị trí phản ánh"
        : Tree.FindByCode(r.UnitCode ?? "")?.Name ?? r.UnitCode ?? "";
}
