using System.Globalization;

namespace MotCua.Web.Features.Audit;

/// <summary>Catalogue changes concern the whole city: entries with no unit, found by those who see the whole city.</summary>
public static class CatalogRecords
{
    public static AuditRecord Procedure(string action, string nationalCode, string? name, int? version = null) =>
        new(action, new AuditObject("procedure", nationalCode, name), [])
        {
            Detail = version is { } v ? "v" + v.ToString(CultureInfo.InvariantCulture) : null,
        };

    public static AuditRecord Imported(int procedures, bool published) =>
        new("procedure.imported", new AuditObject("catalog", null, null), [])
        {
            Detail = $"{procedures.ToString(CultureInfo.InvariantCulture)} {(published ? "published" : "drafts")}",
        };
}
