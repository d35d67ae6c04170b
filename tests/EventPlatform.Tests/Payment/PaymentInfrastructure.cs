using EventPlatform.StripeSandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace EventPlatform.Tests.Payment;

/// <summary>
/// A real PostgreSQL and Redis started once through the AppHost's testing entry point, and the Stripe sandbox in this
/// process (the provider's stand-in at its wire boundary). Each test makes its own database.
/// </summary>
public sealed class PaymentInfrastructure : IAsyncLifetime
{
    public const string ApiKey = "sk_test_payment_tests";
    public const string WebhookSecret = "whsec_payment_tests";

    private TestPlatform _app = null!;
    private WebApplication _sandbox = null!;

    public string RedisConnectionString => _app.GetConnectionString("redis");

    /// <summary>
    /// A content root without appsettings.json for the in-process web hosts: the test's output folder holds the
    /// services' files, whose fixed Kestrel ports would win over the free port the hosts ask for.
    /// </summary>
    public static string EmptyContentRoot { get; } = Directory.CreateTempSubdirectory("eventplatform-host-").FullName;

    /// <summary>The sandbox's API base, as Stripe.net is pointed at it.</summary>
    public string SandboxUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _app = await TestPlatform.StartAsync(new PlatformOptions { Only = ["postgres", "redis"] });
        // Webhooks are sent by the tests themselves here, as many times and in whatever order they need.
        _sandbox = SandboxApp.Create([$"--contentRoot={EmptyContentRoot}"], new Dictionary<string, string?>
        {
            ["Sandbox:ApiKey"] = ApiKey,
            ["Sandbox:WebhookSecret"] = WebhookSecret,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        _sandbox.Urls.Add("http://127.0.0.1:0");
        await _sandbox.StartAsync();
        SandboxUrl = _sandbox.Urls.First();
    }

    public Task<string> CreateDatabaseAsync(string purpose) => _app.CreateDatabaseAsync($"payment_{purpose}");

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        await _app.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PaymentCollection : ICollectionFixture<PaymentInfrastructure>
{
    public const string Name = "Payment";
}
