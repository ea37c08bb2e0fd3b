using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Tests.Infrastructure;

namespace MotCua.Web.Tests.Host;

/// <summary>
/// The migrations of the provider under test build exactly the model: a model change without its migration (or a
/// migration regenerated wrongly when branches meet) fails here, not on a city's server.
/// </summary>
public sealed class MigrationsTests(MotCuaFactory factory) : IClassFixture<MotCuaFactory>
{
    [Fact]
    public async Task The_model_and_the_migrations_agree()
    {
        Assert.False(await factory.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges())));
        Assert.Empty(await factory.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList()));
    }

    [Fact]
    public async Task The_indexes_made_outside_the_model_exist()
    {
        var found = await factory.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await using DbCommand command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = db.Database.IsNpgsql()
                ? "SELECT count(*) FROM pg_indexes WHERE indexname = 'IX_dossiers_OwnerIdNumber'"
                : "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'IX_dossiers_OwnerIdNumber'";
            return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        });
        Assert.Equal(1, found);
    }

    [Fact]
    public async Task Receipt_counters_move_into_the_shared_sequences_and_back()
    {
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<MotCua.Web.Infrastructure.Persistence.MotCuaDbContext>();
            var migrations = db.Database.GetMigrations().ToList();
            var move = migrations.FindIndex(m => m.EndsWith("_ReceiptNumbersInSharedSequence", StringComparison.Ordinal));
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[move - 1]);
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO payment_receipt_sequences ("Year", "LastValue") VALUES (2025, 41), (2026, 7)""");

            await migrator.MigrateAsync(migrations[^1]);
            var sequences = sp.GetRequiredService<MotCua.Web.Features.Payments.ReceiptNumbers>();
            await using var tx = await db.Database.BeginTransactionAsync();
            Assert.Equal((8, "BL-2026-000008"), await sequences.NextAsync(2026, CancellationToken.None));
            Assert.Equal((42, "BL-2025-000042"), await sequences.NextAsync(2025, CancellationToken.None));
            await tx.CommitAsync();

            await migrator.MigrateAsync(migrations[move - 1]);
            var years = await db.Database.SqlQueryRaw<int>("""SELECT "LastValue" AS "Value" FROM payment_receipt_sequences ORDER BY "Year" """).ToListAsync();
            Assert.Equal([42, 8], years);
            await migrator.MigrateAsync(migrations[^1]);
            return 0;
        });
    }
}
