using EventPlatform.Testing;
using Npgsql;

namespace EventPlatform.Tests.Messaging;

/// <summary>
/// A real PostgreSQL and Redis (append-only file on), started once through the AppHost (Aspire.Hosting.Testing) for all
/// messaging tests. Each test makes its own databases and topic prefix, so none sees another's rows or streams.
/// </summary>
public sealed class MessagingInfrastructure : IAsyncLifetime
{
    private TestPlatform _app = null!;
    private int _databases;

    public string RedisConnectionString => _app.GetConnectionString("redis");

    public async Task InitializeAsync() =>
        _app = await TestPlatform.StartAsync(new PlatformOptions { Only = ["postgres", "redis"] });

    /// <summary>An empty database of its own on the test server; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = $"messaging_{purpose}_{Interlocked.Increment(ref _databases)}";
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return ConnectionStringFor(name);
    }

    /// <summary>Stops Redis and starts it again on the same port and data, as a broker restart in production.</summary>
    public Task RestartRedisAsync() => _app.RestartAsync("redis");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private string ConnectionStringFor(string database) =>
        $"{_app.GetConnectionString("postgres")};Database={database}";
}

[CollectionDefinition(Name)]
public sealed class MessagingCollection : ICollectionFixture<MessagingInfrastructure>
{
    public const string Name = "Messaging";
}
