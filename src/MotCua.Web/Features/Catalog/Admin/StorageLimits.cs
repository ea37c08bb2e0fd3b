using Microsoft.Extensions.Localization;
using MotCua.Domain.Catalog;
using MotCua.Web.Features.Catalog.Data;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Catalog.Admin;

/// <summary>
/// The lengths the listing columns of <see cref="ProcedureVersion"/> can hold. The domain validator does not
/// know the database, and PostgreSQL refuses an over-long value with an exception (SQLite silently keeps it),
/// so these are checked here to give the administrator an error next to the field instead of a failure page.
/// The limits are read from the EF model, so they follow the schema.
/// </summary>
public static class StorageLimits
{
    public static IReadOnlyList<ValidationError> Check(ProcedureDefinition d, MotCuaDbContext db, IStringLocalizer t)
    {
        var version = db.Model.FindEntityType(typeof(ProcedureVersion))!;
        var procedure = db.Model.FindEntityType(typeof(Procedure))!;
        int? Max(Microsoft.EntityFrameworkCore.Metadata.IEntityType type, string property) => type.FindProperty(property)?.GetMaxLength();

        var errors = new List<ValidationError>();
        void Limit(string? value, int? max, string path)
        {
            if (value is not null && max is { } m && value.Length > m) errors.Add(new(path, t["catalogadmin.error.toolong", m, value.Length]));
        }
        Limit(d.NationalCode, Max(procedure, nameof(Procedure.NationalCode)), "$.nationalCode");
        Limit(d.Name.Trim(), Max(version, nameof(ProcedureVersion.Name)), "$.name");
        Limit(d.Field.Trim(), Max(version, nameof(ProcedureVersion.Field)), "$.field");
        // Stored as "|ward|commune|", the same way CatalogService writes it.
        Limit("|" + string.Join("|", d.UnitKinds) + "|", Max(version, nameof(ProcedureVersion.UnitKinds)), "$.unitKinds");
        return errors;
    }
}
