using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Catalog.Data;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Home;

[AllowAnonymous]
public sealed class IndexModel(MotCuaDbContext db) : PageModel
{
    public IReadOnlyList<(string Field, int Count)> Fields { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await db.ProcedureVersions.AsNoTracking()
            .Where(v => v.Status == VersionStatus.Published)
            .GroupBy(v => v.Field)
            .Select(g => new { Field = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        Fields = [.. rows.OrderByDescending(r => r.Count).ThenBy(r => r.Field, StringComparer.Create(new System.Globalization.CultureInfo("vi"), false)).Select(r => (r.Field, r.Count))];
    }
}
