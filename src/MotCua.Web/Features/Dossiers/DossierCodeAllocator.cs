using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// Hands out the next number of a series' day: an agency's dossier codes, the feedback reports ("PA"), the year's
/// payment receipts ("BL", on the year's first day). One upsert statement does the increment and returns the
/// value, so two counters accepting at the same instant can never get the same number: PostgreSQL locks the
/// row for the rest of the transaction, SQLite serialises writers. Run it inside the transaction that saves
/// the dossier: if that rolls back, the number is not used (gaps are allowed, duplicates never).
/// </summary>
public sealed class DossierCodeAllocator(MotCuaDbContext db)
{
    private const string Upsert = """
        INSERT INTO dossier_code_sequences ("AgencyCode", "Day", "LastValue") VALUES (@agency, @day, 1)
        ON CONFLICT ("AgencyCode", "Day") DO UPDATE SET "LastValue" = dossier_code_sequences."LastValue" + 1
        RETURNING "LastValue"
        """;

    public async Task<int> NextAsync(string agencyCode, DateOnly day, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Allocate dossier numbers inside the transaction that saves the dossier.");
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction.GetDbTransaction();
        command.CommandText = Upsert;
        Add(command, "agency", agencyCode);
        // Stored the way EF stores a DateOnly on each provider, so the unique index sees one row per day.
        Add(command, "day", db.Database.IsNpgsql() ? day : day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var value = await command.ExecuteScalarAsync(ct);
        return Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = "@" + name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
