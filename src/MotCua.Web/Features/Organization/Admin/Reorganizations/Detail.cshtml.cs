using Microsoft.AspNetCore.Mvc;
using MotCua.Web.Features.Admin;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Organization.Admin.Reorganizations;

public sealed class ReorganizationDetailModel(MotCuaDbContext db, UnitDirectory directory) : AdminPageModel
{
    public ReorganizationReport Report { get; private set; } = null!;
    public IReadOnlySet<Guid> Visible { get; private set; } = new HashSet<Guid>();
    [BindProperty(SupportsGet = true)] public bool Applied { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var report = await ReorganizationReport.LoadAsync(db, directory, id, ct);
        if (report is null) return NotFound();
        Visible = await Scope.EverVisibleAsync(ct);
        if (!await Scope.IsCityAdministratorAsync(ct) && !report.UnitIds.Any(Visible.Contains)) return NotFound();
        Report = report;
        return Page();
    }
}
