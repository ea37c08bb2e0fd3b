using Npgsql;

namespace MotCua.Durability.Tests;

/// <summary>
/// A database of its own on the throw-away PostgreSQL server test.sh starts (MOTCUA_TEST_PG), dropped afterwards.
/// </summary>
internal sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _name;

    private ScratchDatabase(string server, string name)
    {
        _server = server;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 50 }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<ScratchDatabase> CreateAsync(string prefix)
    {
        var server = Environment.GetEnvironmentVariable("MOTCUA_TEST_PG");
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException("MOTCUA_TEST_PG is not set: run through ./test.sh, which starts a throw-away PostgreSQL.");
        var name = $"{prefix}_{Guid.NewGuid():N}"[..40];
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new ScratchDatabase(server, name);
    }

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
