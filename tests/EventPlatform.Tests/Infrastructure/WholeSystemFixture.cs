using EventPlatform.Testing;
using EventPlatform.Tests.Messaging;
using EventPlatform.Tests.Registrations;
using Grpc.Net.Client;

namespace EventPlatform.Tests.Infrastructure;

/// <summary>The whole system started once through the AppHost (Aspire.Hosting.Testing), shared by the end-to-end tests.</summary>
public class WholeSystemFixture : IAsyncLifetime
{
    private readonly List<GrpcChannel> _channels = [];
    private readonly PlatformOptions _options;

    public WholeSystemFixture()
        : this(new PlatformOptions())
    {
    }

    /// <summary>A system of its own, started with other settings (a fixture that shortens the seat hold, say).</summary>
    protected WholeSystemFixture(PlatformOptions options) => _options = options;

    public TestPlatform App { get; private set; } = null!;

    public async Task InitializeAsync() =>
        App = SharedAs is { } name ? await SharedPlatforms.GetAsync(name, StartAsync) : await StartAsync();

    /// <summary>A name under which later collections get the same platform (<see cref="SharedPlatforms"/>); none: its own.</summary>
    protected virtual string? SharedAs => null;

    private async Task<TestPlatform> StartAsync()
    {
        App = await TestPlatform.StartAsync(_options);
        await WarmUpAsync();
        return App;
    }

    /// <summary>
    /// What the fixture's tests do first, done once before them: the first call down a path pays for the services'
    /// JIT and EF Core's query compilation, which on a loaded 2-core machine can outlast a call's deadline. Here: an
    /// event published, its availability read through the BFF until registration knows it (the read's first trip
    /// through registration to program outlasted the BFF's 15 s deadline beside a platform starting), one registration.
    /// </summary>
    protected virtual async Task WarmUpAsync()
    {
        var driver = new RegistrationDriver(this);
        var (_, published) = await driver.Catalog.NewPublishedAsync("Warm-up");
        using var anonymous = driver.Catalog.BffAs(null);
        await Eventually.HoldsAsync(
            async () =>
            {
                using var response = await anonymous.GetAsync($"/events/{published.Id}/availability");
                return response.IsSuccessStatusCode;
            },
            "the event's availability through the BFF");
        await driver.RegisterAsync(published.Id);
    }

    public HttpClient CreateHttpClient(string resource) => new() { BaseAddress = App.GetEndpoint(resource, "http") };

    public GrpcChannel GrpcChannel(string resource)
    {
        var channel = Grpc.Net.Client.GrpcChannel.ForAddress(App.GetEndpoint(resource, "grpc"));
        _channels.Add(channel);
        return channel;
    }

    public async Task DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }

        if (SharedAs is null)
        {
            await App.DisposeAsync();
        }
        else if (LastToShare)
        {
            await SharedPlatforms.StopAsync(SharedAs);
        }
    }

    /// <summary>Whether the shared platform stops with this fixture: its collection is the last to use it.</summary>
    protected virtual bool LastToShare => false;
}

[CollectionDefinition(Name)]
public sealed class WholeSystemCollection : ICollectionFixture<WholeSystemFixture>
{
    public const string Name = "Whole system";
}
