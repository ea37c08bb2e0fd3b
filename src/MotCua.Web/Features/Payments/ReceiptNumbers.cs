using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MotCua.Web.Infrastructure.Persistence;

namespace MotCua.Web.Features.Payments;

/// <summary>
/// The next receipt number of a year, from one upsert that increments and returns it (PostgreSQL locks the row until
/// the transaction ends, SQLite serialises writers): numbers never repeat; a rolled-back payment leaves a gap.
/// </summary>
public sealed class ReceiptNumbers(MotCuaDbContext db)
{
    private const string Upsert = """
        INSERT INTO payment_receipt_sequences ("Year", "LastValue") VALUES (@year, 1)
        ON CONFLICT ("Year") DO UPDATE SET "LastValue" = payment_receipt_sequences."LastValue" + 1
        RETURNING "LastValue"
        """;

    public async Task<(int Sequence, string Number)> NextAsync(int year, CancellationToken ct)
    {
        var tx = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Allocate receipt numbers inside the payment's transaction.");
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = tx.GetDbTransaction();
        command.CommandText = Upsert;
        var p = command.CreateParameter();
        p.ParameterName = "@year";
        p.Value = year;
        command.Parameters.Add(p);
        var value = Convert.ToInt32(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        return (value, $"BL-{year}-{value:D6}");
    }
}
