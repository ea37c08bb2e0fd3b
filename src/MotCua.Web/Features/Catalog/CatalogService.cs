using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Catalog;
using MotCua.Web.Features.Catalog.Data;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Catalog;

public sealed record CatalogResult(IReadOnlyList<ValidationError> Errors, IReadOnlyList<Guid> VersionIds)
{
    public bool Succeeded => Errors.Count == 0;
    public static CatalogResult Fail(params ValidationError[] errors) => new(errors, []);
}

/// <summary>
/// Writes the catalogue: drafts, publication, retirement and bulk import. A published version is never
/// changed; every write that changes what citizens see bumps the catalogue revision in the same transaction,
/// which tells every instance to rebuild its search index.
/// </summary>
public sealed class CatalogService(MotCuaDbContext db, TimeProvider clock, CatalogSearch search, Audit.IAuditLog audit)
{
    /// <summary>Imports a whole catalogue file: if any procedure has any error, nothing is imported.</summary>
    public async Task<CatalogResult> ImportAsync(IReadOnlyList<ProcedureDefinition> definitions, string actor, bool publish, CancellationToken ct)
    {
        var errors = new List<ValidationError>();
        for (var i = 0; i < definitions.Count; i++)
        {
            errors.AddRange(ProcedureValidator.Validate(definitions[i], publish).Select(e => e with { Path = $"$[{i}]{e.Path[1..]}" }));
        }
        foreach (var dup in definitions.Select((d, i) => (d.NationalCode, i)).GroupBy(x => x.NationalCode, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.AddRange(dup.Skip(1).Select(x => new ValidationError($"$[{x.i}].nationalCode", $"Mã thủ tục {x.NationalCode} xuất hiện nhiều lần trong tệp.")));
        }
        if (errors.Count > 0) return new(errors, []);

        return await InTransactionAsync(async () =>
        {
            // Everything is read in three queries and written in one SaveChanges: an import of thousands of
            // procedures must not cost a round trip each.
            var codes = definitions.Select(d => d.NationalCode).ToList();
            var existing = await db.Procedures.Where(p => codes.Contains(p.NationalCode)).ToDictionaryAsync(p => p.NationalCode, StringComparer.OrdinalIgnoreCase, ct);
            var procedureIds = existing.Values.Select(p => p.Id).ToList();
            var lastNumbers = await db.ProcedureVersions.Where(v => procedureIds.Contains(v.ProcedureId))
                .GroupBy(v => v.ProcedureId).Select(g => new { Id = g.Key, Last = g.Max(v => v.Number) })
                .ToDictionaryAsync(x => x.Id, x => x.Last, ct);
            var publishedIds = existing.Values.Where(p => p.PublishedVersionId != null).Select(p => p.PublishedVersionId!.Value).ToList();
            var published = await db.ProcedureVersions.Where(v => publishedIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, ct);

            var ids = new List<Guid>();
            var now = clock.GetUtcNow();
            foreach (var d in definitions)
            {
                if (!existing.TryGetValue(d.NationalCode, out var procedure))
                {
                    procedure = new Procedure { Id = Guid.NewGuid(), NationalCode = d.NationalCode, CreatedAt = now };
                    db.Procedures.Add(procedure);
                    existing[d.NationalCode] = procedure;
                }
                var version = NewVersion(procedure, d, lastNumbers.GetValueOrDefault(procedure.Id) + 1, actor);
                lastNumbers[procedure.Id] = version.Number;
                if (publish)
                {
                    if (procedure.PublishedVersionId is { } previous && published.TryGetValue(previous, out var old)) old.Status = VersionStatus.Superseded;
                    MarkPublished(procedure, version, actor);
                    published[version.Id] = version;
                }
                ids.Add(version.Id);
            }
            audit.Stage(Audit.CatalogRecords.Imported(definitions.Count, publish));
            await db.SaveChangesAsync(ct);
            await BumpRevisionAsync(ct);
            return new CatalogResult([], ids);
        }, ct);
    }

    /// <summary>Saves a draft: a new version of an existing procedure, or the first version of a new one.</summary>
    public async Task<CatalogResult> SaveDraftAsync(ProcedureDefinition d, string actor, CancellationToken ct)
    {
        var errors = ProcedureValidator.Validate(d, forPublishing: false);
        if (errors.Count > 0) return new(errors, []);
        return await InTransactionAsync(async () =>
        {
            var procedure = await db.Procedures.FirstOrDefaultAsync(p => p.NationalCode == d.NationalCode, ct);
            if (procedure is null)
            {
                procedure = new Procedure { Id = Guid.NewGuid(), NationalCode = d.NationalCode, CreatedAt = clock.GetUtcNow() };
                db.Procedures.Add(procedure);
            }
            // One open draft per procedure: saving again replaces it instead of piling up versions.
            var draft = await db.ProcedureVersions.FirstOrDefaultAsync(v => v.ProcedureId == procedure.Id && v.Status == VersionStatus.Draft, ct);
            audit.Stage(Audit.CatalogRecords.Procedure("procedure.draft-saved", d.NationalCode, d.Name));
            if (draft is not null)
            {
                Fill(draft, d);
                await db.SaveChangesAsync(ct);
                return new CatalogResult([], [draft.Id]);
            }
            var version = await NewVersionAsync(procedure, d, actor, ct);
            return new CatalogResult([], [version.Id]);
        }, ct);
    }

    public async Task<CatalogResult> PublishAsync(Guid versionId, string actor, CancellationToken ct)
    {
        var version = await db.ProcedureVersions.FirstOrDefaultAsync(v => v.Id == versionId, ct);
        if (version is null) return CatalogResult.Fail(new ValidationError("$", "Không tìm thấy phiên bản."));
        if (version.Status != VersionStatus.Draft) return CatalogResult.Fail(new ValidationError("$", "Chỉ công bố được bản nháp."));
        var definition = Read(version);
        var errors = ProcedureValidator.Validate(definition, forPublishing: true);
        if (errors.Count > 0) return new(errors, []);
        return await InTransactionAsync(async () =>
        {
            var procedure = await db.Procedures.FirstAsync(p => p.Id == version.ProcedureId, ct);
            audit.Stage(Audit.CatalogRecords.Procedure("procedure.published", procedure.NationalCode, definition.Name, version.Number));
            await PublishVersionAsync(procedure, version, actor, ct);
            await BumpRevisionAsync(ct);
            return new CatalogResult([], [version.Id]);
        }, ct);
    }

    /// <summary>Withdraws a procedure from citizens. Dossiers already filed keep their version.</summary>
    public async Task<CatalogResult> RetireAsync(string nationalCode, CancellationToken ct)
    {
        var procedure = await db.Procedures.FirstOrDefaultAsync(p => p.NationalCode == nationalCode, ct);
        if (procedure?.PublishedVersionId is not { } publishedId) return CatalogResult.Fail(new ValidationError("$.nationalCode", "Thủ tục không có phiên bản đang công bố."));
        return await InTransactionAsync(async () =>
        {
            var version = await db.ProcedureVersions.FirstAsync(v => v.Id == publishedId, ct);
            version.Status = VersionStatus.Retired;
            procedure.PublishedVersionId = null;
            audit.Stage(Audit.CatalogRecords.Procedure("procedure.retired", procedure.NationalCode, null, version.Number));
            await db.SaveChangesAsync(ct);
            await BumpRevisionAsync(ct);
            return new CatalogResult([], [version.Id]);
        }, ct);
    }

    public static ProcedureDefinition Read(ProcedureVersion version) =>
        JsonSerializer.Deserialize<ProcedureDefinition>(version.DefinitionJson, CatalogJson.Options)
        ?? throw new InvalidDataException($"Version {version.Id} has no definition.");

    private async Task<ProcedureVersion> NewVersionAsync(Procedure procedure, ProcedureDefinition d, string actor, CancellationToken ct)
    {
        var last = await db.ProcedureVersions.Where(v => v.ProcedureId == procedure.Id).MaxAsync(v => (int?)v.Number, ct) ?? 0;
        var version = NewVersion(procedure, d, last + 1, actor);
        await db.SaveChangesAsync(ct);
        return version;
    }

    private ProcedureVersion NewVersion(Procedure procedure, ProcedureDefinition d, int number, string actor)
    {
        var version = new ProcedureVersion
        {
            Id = Guid.NewGuid(), ProcedureId = procedure.Id, Number = number, Status = VersionStatus.Draft,
            Name = "", Field = "", Levels = "", UnitKinds = "", DefinitionJson = "", CreatedAt = clock.GetUtcNow(), CreatedBy = actor,
        };
        Fill(version, d);
        db.ProcedureVersions.Add(version);
        return version;
    }

    private static void Fill(ProcedureVersion v, ProcedureDefinition d)
    {
        v.Name = d.Name.Trim();
        v.Field = d.Field.Trim();
        v.Levels = "|" + string.Join("|", d.Levels.Select(l => l.ToString().ToLowerInvariant())) + "|";
        v.UnitKinds = "|" + string.Join("|", d.UnitKinds) + "|";
        v.OnlineLevel = d.OnlineLevel.Level;
        v.FullProcess = d.OnlineLevel.FullProcess;
        v.HasForm = d.Form is not null;
        v.DefinitionJson = JsonSerializer.Serialize(d, CatalogJson.Options);
    }

    private async Task PublishVersionAsync(Procedure procedure, ProcedureVersion version, string actor, CancellationToken ct)
    {
        if (procedure.PublishedVersionId is { } previousId && previousId != version.Id)
        {
            var previous = await db.ProcedureVersions.FirstAsync(v => v.Id == previousId, ct);
            previous.Status = VersionStatus.Superseded;
        }
        MarkPublished(procedure, version, actor);
        await db.SaveChangesAsync(ct);
    }

    private void MarkPublished(Procedure procedure, ProcedureVersion version, string actor)
    {
        version.Status = VersionStatus.Published;
        version.PublishedAt = clock.GetUtcNow();
        version.PublishedBy = actor;
        procedure.PublishedVersionId = version.Id;
    }

    private async Task BumpRevisionAsync(CancellationToken ct)
    {
        // A single UPDATE, so two administrators publishing at once both bump it.
        await db.CatalogState.Where(s => s.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(x => x.Revision, x => x.Revision + 1), ct);
    }

    private async Task<CatalogResult> InTransactionAsync(Func<Task<CatalogResult>> work, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var result = await work();
            if (result.Succeeded)
            {
                await tx.CommitAsync(ct);
                search.Invalidate();
            }
            return result;
        });
    }
}
