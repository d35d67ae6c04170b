using EventPlatform.AppHost.Hosting;
using EventPlatform.AppHost.Hosting.Resources;
using EventPlatform.AppHost.Testing;
using Npgsql;

namespace EventPlatform.Tests.Registrations;

/// <summary>
/// A real PostgreSQL and Redis of their own (tests here flush Redis), started once through the AppHost's testing
/// entry point. Each test makes its own database.
/// </summary>
public sealed class RegistrationInfrastructure : IAsyncLifetime
{
    private DistributedApplication _app = null!;
    private int _databases;

    public string RedisConnectionString => _app.GetConnectionString("redis") + ",allowAdmin=true,asyncTimeout=30000,syncTimeout=30000";

    public async Task InitializeAsync() =>
        _app = await DistributedApplicationTestingBuilder.StartAsync(o => o.Only = new HashSet<string> { "postgres", "redis" });

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
        $"Host=127.0.0.1;Port={((PostgresServerResource)_app.GetResource("postgres")).Endpoint.Port};Username=postgres;Database={database};" +
        "Maximum Pool Size=40;Timeout=120;Command Timeout=120";
}

[CollectionDefinition(Name)]
public sealed class RegistrationCollection : ICollectionFixture<RegistrationInfrastructure>
{
    public const string Name = "Registration";
}
