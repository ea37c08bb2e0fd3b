using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Audit;
using MotCua.Web.Features.Feedback.Open311;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Feedback.Admin;

/// <summary>
/// The Open311 clients allowed to POST reports: an administrator of the city names a client and gets its key, shown once
/// on the answer to that post and never again (only its SHA-256 is stored, as <see cref="Open311Keys"/> checks it), and
/// revokes a key. Each change is saved with its audit entry.
/// </summary>
public sealed class FeedbackKeysModel(MotCuaDbContext db, TimeProvider clock) : FeedbackAdminPageModel
{
    [BindProperty] public string? Name { get; set; }

    public IReadOnlyList<Open311ApiKey> Keys { get; private set; } = [];

    /// <summary>The key just issued: shown on this one answer only.</summary>
    public string? Issued { get; private set; }

    [BindProperty(SupportsGet = true, Name = "revoked")] public bool Revoked { get; set; }

    protected override IReadOnlyList<string> FieldOrder => ["Name"];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name)) Errors.Add("Name", L["feedback.admin.error.keyname"].Value);
        else if (name.Length > 200) Errors.Add("Name", L["feedback.admin.error.name.long"].Value);
        else if (await db.Set<Open311ApiKey>().AnyAsync(k => k.Name == name && k.RevokedAt == null, ct))
            Errors.Add("Name", L["feedback.admin.error.keyname.taken"].Value);
        if (Errors.Any)
        {
            await LoadAsync(ct);
            return Page();
        }

        var (row, key) = Open311Keys.NewKey(name!, clock.GetUtcNow());
        db.Add(row);
        RecordChange("open311.key.create", new AuditObject("open311-key", row.Id.ToString(), row.Name), await CityAsync(ct));
        await db.SaveChangesAsync(ct);
        Issued = key;
        Name = null;
        await LoadAsync(ct);
        // No caching anywhere: the key is in this page only.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        var row = await db.Set<Open311ApiKey>().FirstOrDefaultAsync(k => k.Id == id, ct);
        if (row is null) return NotFound();
        if (row.RevokedAt is null)
        {
            row.RevokedAt = clock.GetUtcNow();
            RecordChange("open311.key.revoke", new AuditObject("open311-key", row.Id.ToString(), row.Name), await CityAsync(ct));
            await db.SaveChangesAsync(ct);
        }
        return Redirect("/admin/feedback/keys?revoked=true");
    }

    /// <summary>A city-wide change is filed under the city's root units, where the city's auditors look.</summary>
    private async Task<IEnumerable<Guid>> CityAsync(CancellationToken ct) => (await Scope.TodayTreeAsync(ct)).Roots.Select(r => r.Id).ToList();

    private async Task LoadAsync(CancellationToken ct) =>
        Keys = await db.Set<Open311ApiKey>().AsNoTracking().OrderBy(k => k.RevokedAt != null).ThenBy(k => k.Name).ToListAsync(ct);
}
