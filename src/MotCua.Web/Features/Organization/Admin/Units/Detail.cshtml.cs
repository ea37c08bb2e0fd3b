using Microsoft.AspNetCore.Mvc;
using MotCua.Web.Features.Admin;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Organization.Admin.Units;

/// <summary>One unit through time; closed units stay readable, since dossiers and reports still point at them.</summary>
public sealed class UnitDetailModel(MotCuaDbContext db, UnitDirectory directory) : AdminPageModel
{
    public UnitHistory History { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public IReadOnlySet<Guid> Visible { get; private set; } = new HashSet<Guid>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        // Out of reach and missing look the same: a unit's existence is not confirmed to those who may not see it.
        if (!await Scope.CanSeeAsync(id, ct)) return NotFound();
        var history = await UnitHistory.LoadAsync(db, directory, id, ct);
        if (history is null) return NotFound();
        History = history;
        CanManage = history.IsOpen && await Scope.CanManageAsync(id, ct);
        Visible = await Scope.EverVisibleAsync(ct);
        return Page();
    }
}
