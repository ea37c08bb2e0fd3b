using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Catalog.Data;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Catalog.Admin;

/// <summary>One row of a procedure's version history, without the definition itself.</summary>
public sealed record VersionRow(
    Guid Id, int Number, VersionStatus Status, string Name, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset? PublishedAt, string? PublishedBy);

/// <summary>A procedure and its versions, newest first: what the detail, edit, compare and retire pages start from.</summary>
public sealed record ProcedureVersions(Procedure Procedure, IReadOnlyList<VersionRow> Versions)
{
    public VersionRow? Draft => Versions.FirstOrDefault(v => v.Status == VersionStatus.Draft);

    public VersionRow? Published => Versions.FirstOrDefault(v => v.Id == Procedure.PublishedVersionId);

    /// <summary>Where an edit starts: the open draft, else what citizens see, else the last version (after retirement).</summary>
    public VersionRow? EditBase => Draft ?? Published ?? Versions.FirstOrDefault();

    public static async Task<ProcedureVersions?> FindAsync(MotCuaDbContext db, string code, CancellationToken ct)
    {
        if (code.Length > 64) return null;
        var procedure = await db.Procedures.AsNoTracking().FirstOrDefaultAsync(p => p.NationalCode == code, ct);
        if (procedure is null) return null;
        var versions = await db.ProcedureVersions.AsNoTracking().Where(v => v.ProcedureId == procedure.Id)
            .OrderByDescending(v => v.Number)
            .Select(v => new VersionRow(v.Id, v.Number, v.Status, v.Name, v.CreatedAt, v.CreatedBy, v.PublishedAt, v.PublishedBy))
            .ToListAsync(ct);
        return new ProcedureVersions(procedure, versions);
    }

    public static async Task<Domain.Catalog.ProcedureDefinition?> DefinitionAsync(MotCuaDbContext db, Guid? versionId, CancellationToken ct)
    {
        if (versionId is null) return null;
        var version = await db.ProcedureVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId, ct);
        return version is null ? null : CatalogService.Read(version);
    }
}
