using MotCua.Web.Features.Identity;

namespace MotCua.Web.Features.Audit;

/// <summary>Searching the log reads personal data too (names, ID numbers): each search is an entry of its own.</summary>
public static class AuditReads
{
    public const string SearchAction = "audit.search";

    public static async Task SearchedAsync(IAuditLog audit, UnitScope scope, AuditFilter f, CancellationToken ct)
    {
        var units = (await scope.RolesAsync(ct)).Select(r => r.UnitId).ToList();
        var what = string.Join("; ", new[] { f.Who, f.Object, f.Action }.Where(x => !string.IsNullOrWhiteSpace(x)));
        await audit.WriteAsync(new AuditRecord(SearchAction, new AuditObject("audit", null, what.Length == 0 ? null : what), units, "tra cứu nhật ký"), ct);
    }
}
