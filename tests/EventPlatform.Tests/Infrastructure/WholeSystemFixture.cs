using EventPlatform.Testing;
using Grpc.Net.Client;

namespace EventPlatform.Tests.Infrastructure;

/// <summary>The whole system started once through the AppHost (Aspire.Hosting.Testing), shared by the end-to-end tests.</summary>
public sealed class WholeSystemFixture : IAsyncLifetime
{
    private readonly List<GrpcChannel> _channels = [];

    public TestPlatform App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await TestPlatform.StartAsync();

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

        await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class WholeSystemCollection : ICollectionFixture<WholeSystemFixture>
{
    public const string Name = "Whole system";
}
