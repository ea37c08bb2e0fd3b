using System.Data.Common;
using Microsoft.EntityFrameworkCore;
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
}
