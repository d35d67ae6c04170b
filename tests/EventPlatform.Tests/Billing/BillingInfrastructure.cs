namespace EventPlatform.Tests.Billing;

/// <summary>A real PostgreSQL and Redis started once through the AppHost's testing entry point; each test makes its own database.</summary>
public sealed class BillingInfrastructure : IAsyncLifetime
{
    private TestPlatform _app = null!;

    public string RedisConnectionString => _app.GetConnectionString("redis");

    public static string EmptyContentRoot { get; } = Directory.CreateTempSubdirectory("eventplatform-billing-").FullName;

    public async Task InitializeAsync() => _app = await TestPlatform.StartAsync(new PlatformOptions { Only = ["postgres", "redis"] });

    public Task<string> CreateDatabaseAsync(string purpose) => _app.CreateDatabaseAsync($"billing_{purpose}");

    public async Task DisposeAsync() => await _app.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class BillingCollection : ICollectionFixture<BillingInfrastructure>
{
    public const string Name = "Billing";
}
