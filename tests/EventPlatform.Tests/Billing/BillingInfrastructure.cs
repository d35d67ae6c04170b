using Npgsql;

namespace EventPlatform.Tests.Billing;

/// <summary>A real PostgreSQL and Redis started once through the AppHost's testing entry point; each test makes its own database.</summary>
public sealed class BillingInfrastructure : IAsyncLifetime
{
    private TestPlatform _app = null!;
    private int _databases;

    public string RedisConnectionString => _app.GetConnectionString("redis");

    public static string EmptyContentRoot { get; } = Directory.CreateTempSubdirectory("eventplatform-billing-").FullName;

    public async Task InitializeAsync() => _app = await TestPlatform.StartAsync(new PlatformOptions { Only = ["postgres", "redis"] });

    public async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = $"billing_{purpose}_{Interlocked.Increment(ref _databases)}";
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return ConnectionStringFor(name);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private string ConnectionStringFor(string database) =>
        $"{_app.GetConnectionString("postgres")};Database={database};Maximum Pool Size=30;Timeout=60;Command Timeout=60";
}

[CollectionDefinition(Name)]
public sealed class BillingCollection : ICollectionFixture<BillingInfrastructure>
{
    public const string Name = "Billing";
}
