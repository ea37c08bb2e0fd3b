using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Privacy;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Infrastructure.Privacy;

/// <summary>
/// At start-up, after the migrations: checks that the configured key is the one the database was written with, and
/// protects the identifiers written before protection existed (docs/adr/0023). Idempotent and safe for several
/// instances at once: protection is deterministic, so two instances rewriting one row write the same text.
/// </summary>
public static class PersonalDataBackfill
{
    private const int Batch = 500;

    private sealed record Column(string Table, string[] Keys, string[] Values, string? Only = null);

    // The audit log is not here: it is append-only (entries before protection keep the number as written; the search
    // looks for both forms). Sent SMS in the outbox keep theirs too, and the sender reads either form.
    private static readonly Column[] Columns =
    [
        new("dossiers", ["Id"], ["OwnerIdNumber", "OwnerPhone", "FiledByIdNumber", "FiledByPhone"]),
        new("dossier_events", ["DossierId", "Sequence"], ["ActorId"], Only: "\"ActorKind\" = 'Applicant'"),
        new("dossier_drafts", ["Id"], ["OwnerIdNumber"]),
    ];

    /// <summary>The migration from which identifiers are written protected: rows before it may hold clear ones.</summary>
    public const string ProtectingMigration = "PersonalDataProtected";

    /// <param name="rewrite">
    /// False once the protecting migration was applied at an earlier start: every row since is written protected, so the
    /// scans for clear values (whole tables, seconds at a million dossiers) are skipped and only the key is checked.
    /// </param>
    public static async Task RunAsync(MotCuaDbContext db, ILogger log, CancellationToken ct, bool rewrite = true)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            await CheckKeyAsync(connection, ct);
            if (!rewrite) return;
            foreach (var column in Columns)
            {
                var rewritten = 0;
                int done;
                do
                {
                    done = await RewriteBatchAsync(connection, column, ct);
                    rewritten += done;
                } while (done == Batch);
                if (rewritten > 0) log.LogInformation("Protected the personal identifiers of {Rows} rows of {Table}", rewritten, column.Table);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A wrong key would otherwise show up as errors on the first dossier anyone opens.</summary>
    private static async Task CheckKeyAsync(DbConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"OwnerIdNumber\" FROM dossiers WHERE \"OwnerIdNumber\" LIKE '{PersonalDataCipher.Prefix}%' LIMIT 1";
        if (await command.ExecuteScalarAsync(ct) is not string sample) return;
        try
        {
            PersonalData.Reveal(sample);
        }
        catch (CryptographicException)
        {
            throw new InvalidOperationException(
                $"The personal-data key ({PersonalDataSetup.KeySetting}) is not the one this database was written with: refusing to start.");
        }
    }

    private static async Task<int> RewriteBatchAsync(DbConnection connection, Column c, CancellationToken ct)
    {
        var clear = string.Join(" OR ", c.Values.Select(v => $"(\"{v}\" IS NOT NULL AND \"{v}\" NOT LIKE '{PersonalDataCipher.Prefix}%')"));
        var where = c.Only is null ? clear : $"{c.Only} AND ({clear})";
        var rows = new List<object[]>();
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = $"SELECT {Names(c.Keys)}, {Names(c.Values)} FROM {c.Table} WHERE {where} LIMIT {Batch}";
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var row = new object[reader.FieldCount];
                reader.GetValues(row);
                rows.Add(row);
            }
        }
        if (rows.Count == 0) return 0;

        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var row in rows)
        {
            await using var update = connection.CreateCommand();
            update.Transaction = transaction;
            var sets = c.Values.Select((v, i) => $"\"{v}\" = @v{i}");
            var keys = c.Keys.Select((k, i) => $"\"{k}\" = @k{i}");
            update.CommandText = $"UPDATE {c.Table} SET {string.Join(", ", sets)} WHERE {string.Join(" AND ", keys)}";
            for (var i = 0; i < c.Keys.Length; i++) Add(update, $"@k{i}", row[i]);
            for (var i = 0; i < c.Values.Length; i++)
            {
                var value = row[c.Keys.Length + i];
                Add(update, $"@v{i}", value is string text && !PersonalDataCipher.IsProtected(text) ? PersonalData.Protect(text) : value);
            }
            await update.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return rows.Count;
    }

    private static string Names(IEnumerable<string> columns) => string.Join(", ", columns.Select(n => $"\"{n}\""));

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
