using EventPlatform.Testing;
using Npgsql;

namespace EventPlatform.Tests.Registrations;

/// <summary>
/// A real PostgreSQL and Redis of their own (tests here flush Redis), started once through the AppHost's testing
/// entry point. Each test makes its own database.
/// </summary>
public sealed class RegistrationInfrastructure : IAsyncLifetime
{
    private TestPlatform _app = null!;
    private int _databases;

    public string RedisConnectionString => _app.GetConnectionString("redis") + ",allowAdmin=true,asyncTimeout=30000,syncTimeout=30000";

    public async Task InitializeAsync() =>
        _app = await TestPlatform.StartAsync(new PlatformOptions { Only = ["postgres", "redis"] });

    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = $"registration_{purpose}_{Interlocked.Increment(ref _databases)}";
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return ConnectionStringFor(name);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private string ConnectionStringFor(string database) =>
        $"{_app.GetConnectionString("postgres")};Database={database};" +
        "Maximum Pool Size=40;Timeout=120;Command Timeout=120";
}

[CollectionDefinition(Name)]
public sealed class RegistrationCollection : ICollectionFixture<RegistrationInfrastructure>
{
    public const string Name = "Registration";
}
