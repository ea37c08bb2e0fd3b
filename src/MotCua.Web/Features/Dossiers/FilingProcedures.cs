using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Catalog;
using MotCua.Web.Features.Catalog;
using MotCua.Web.Features.Catalog.Data;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Dossiers;

/// <summary>A procedure version as filing and reception use it: the definition, and its form parsed once.</summary>
public sealed record FilingProcedure(Guid VersionId, ProcedureDefinition Definition, Forms.DossierForm? Form);

/// <summary>
/// Procedure versions for the dossier hot paths. A version's definition never changes once published
/// (see <see cref="ProcedureVersion"/>), so each is read, deserialised and its form parsed once per process
/// instead of on every filing and every acceptance: that work was most of a filing's CPU (docs/adr/0014).
/// Which version is published comes from the catalogue snapshot, as the portal's lists do.
/// </summary>
public sealed class FilingProcedures(CatalogSearch catalog)
{
    private readonly ConcurrentDictionary<Guid, FilingProcedure> _versions = new();

    /// <summary>The published version of the procedure with this national code, or null if none is published.</summary>
    public async Task<FilingProcedure?> PublishedAsync(MotCuaDbContext db, string nationalCode, CancellationToken ct) =>
        await catalog.PublishedVersionIdAsync(nationalCode, ct) is { } id ? await VersionAsync(db, id, ct) : null;

    public async Task<FilingProcedure> VersionAsync(MotCuaDbContext db, Guid versionId, CancellationToken ct)
    {
        if (_versions.TryGetValue(versionId, out var cached)) return cached;
        var row = await db.ProcedureVersions.AsNoTracking().Where(v => v.Id == versionId)
            .Select(v => new { v.Status, v.DefinitionJson }).FirstAsync(ct);
        var definition = System.Text.Json.JsonSerializer.Deserialize<ProcedureDefinition>(row.DefinitionJson, CatalogJson.Options)
            ?? throw new InvalidDataException($"Version {versionId} has no definition.");
        var loaded = new FilingProcedure(versionId, definition, definition.Form is null ? null : Forms.DossierForm.Parse(definition.Form));
        // A draft can still be edited in place; only versions past it are fixed for good.
        if (row.Status != VersionStatus.Draft) _versions.TryAdd(versionId, loaded);
        return loaded;
    }
}
