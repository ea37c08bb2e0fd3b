using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Organization;
using MotCua.Web.Features.Admin;
using MotCua.Web.Features.Organization.Seeding;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Organization.Admin.Reorganizations;

/// <summary>Every reorganisation that touched units within reach, newest first; and the bundled reforms for the city's administrator.</summary>
public sealed class ReorganizationListModel(MotCuaDbContext db, HanoiReforms reforms, ILogger<ReorganizationListModel> log) : AdminPageModel
{
    public sealed record Row(Guid Id, DateOnly Date, ReorganizationKind Kind, string Title, string? LegalBasis, string AppliedBy, int Opened, int Changed, int Closed);

    public sealed record Bundled(BundledReform Reform, Guid? AppliedAs);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<Bundled> Reforms { get; private set; } = [];
    public bool Administrator { get; private set; }
    public bool CityAdministrator { get; private set; }
    public string? Notice { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Applies a bundled reform exactly as the seed would: through the same service, all or nothing.</summary>
    public async Task<IActionResult> OnPostApplyAsync(string? key, CancellationToken ct)
    {
        if (!await Scope.IsCityAdministratorAsync(ct)) return Forbidden();
        var reform = reforms.All.FirstOrDefault(r => r.Key == key);
        if (reform is null) return NotFound();
        if (await AppliedAsAsync(reform, ct) is not null)
        {
            AddError("bundled-" + reform.Key, "admin.reorgs.bundled.already");
        }
        else
        {
            try
            {
                var staged = RecordChange("unit.reform-applied", new("reorganization", reform.Key, reform.Title), [], detail: $"{reform.EffectiveDate:yyyy-MM-dd}");
                ReorganizationOutcome outcome;
                try { outcome = await reforms.ApplyAsync(reform, Actor, ct); }
                catch { DiscardChange(staged); throw; }
                log.LogInformation("Bundled reform {Key} applied by {Actor}", reform.Key, Actor);
                return Redirect($"/admin/reorganizations/{outcome.ReorganizationId}?applied=1");
            }
            catch (Exception e) when (e is InvalidOperationException or InvalidDataException)
            {
                // The reform was written for the city's tree as the seed left it; a tree changed since may not fit.
                log.LogWarning(e, "Bundled reform {Key} does not fit the current tree", reform.Key);
                AddError("bundled-" + reform.Key, "admin.reorgs.bundled.nofit", e.Message);
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task<Guid?> AppliedAsAsync(BundledReform reform, CancellationToken ct) =>
        await db.Reorganizations.AsNoTracking()
            .Where(r => r.EffectiveDate == reform.EffectiveDate && r.Title == reform.Title)
            .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        Administrator = await Scope.IsAdministratorAsync(ct);
        CityAdministrator = await Scope.IsCityAdministratorAsync(ct);
        var visible = await Scope.EverVisibleAsync(ct);
        var reorgs = await db.Reorganizations.AsNoTracking().ToListAsync(ct);
        var versions = await db.UnitVersions.AsNoTracking()
            .Select(v => new { v.UnitId, v.ValidFrom, v.ReorganizationId }).ToListAsync(ct);
        var firstVersion = versions.GroupBy(v => v.UnitId).ToDictionary(g => g.Key, g => g.Min(v => v.ValidFrom));
        var byReorg = versions.Where(v => v.ReorganizationId is not null).ToLookup(v => v.ReorganizationId!.Value);
        var successions = (await db.UnitSuccessions.AsNoTracking().ToListAsync(ct)).ToLookup(s => s.ReorganizationId);

        Rows = [.. reorgs
            .Where(r => CityAdministrator || byReorg[r.Id].Any(v => visible.Contains(v.UnitId))
                || successions[r.Id].Any(s => visible.Contains(s.PredecessorId) || visible.Contains(s.SuccessorId)))
            .OrderByDescending(r => r.EffectiveDate).ThenByDescending(r => r.AppliedAt)
            .Select(r => new Row(r.Id, r.EffectiveDate, r.Kind, r.Title, r.LegalBasis, r.AppliedBy,
                byReorg[r.Id].Count(v => firstVersion[v.UnitId] == v.ValidFrom),
                byReorg[r.Id].Count(v => firstVersion[v.UnitId] != v.ValidFrom),
                successions[r.Id].Select(s => s.PredecessorId).Distinct().Count()))];

        if (CityAdministrator)
        {
            var applied = reorgs.ToLookup(r => (r.EffectiveDate, r.Title));
            Reforms = [.. reforms.All.Select(r => new Bundled(r, applied[(r.EffectiveDate, r.Title)].Select(x => (Guid?)x.Id).FirstOrDefault()))];
        }
    }
}
