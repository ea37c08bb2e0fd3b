using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Dossiers.MyDossiers;

/// <summary>Procedure names for the citizen's lists: the published version's name, else the code itself.</summary>
public static class ProcedureNames
{
    public static async Task<IReadOnlyDictionary<string, string>> ForAsync(MotCuaDbContext db, IEnumerable<string> codes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var wanted = codes.Distinct().ToList();
        return await db.Procedures.AsNoTracking().Where(p => wanted.Contains(p.NationalCode) && p.PublishedVersionId != null)
            .Join(db.ProcedureVersions, p => p.PublishedVersionId, v => v.Id, (p, v) => new { p.NationalCode, v.Name })
            .ToDictionaryAsync(x => x.NationalCode, x => x.Name, ct);
    }
}
