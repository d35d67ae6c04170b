using EventPlatform.Contracts.Catalog.V1;
using EventPlatform.Contracts.Program.V1;
using EventPlatform.ServiceDefaults.Identity;
using Grpc.Net.Client;
using EventPlatform.Testing;
using StackExchange.Redis;

namespace EventPlatform.Tests.Program.Integration;

/// <summary>
/// Program, catalog (which owns the events) and the BFF with real PostgreSQL and Redis, started once for every
/// program integration test. The BFF references every service; the others are left out (marked as run elsewhere),
/// since these tests only reach catalog and program through it.
/// </summary>
public sealed class ProgramSystem : IAsyncLifetime
{
    private GrpcChannel _program = null!;
    private GrpcChannel _catalog = null!;
    private ConnectionMultiplexer? _redis;

    public TestPlatform App { get; private set; } = null!;

    public ProgramService.ProgramServiceClient Program { get; private set; } = null!;

    public ProgramInternalService.ProgramInternalServiceClient ProgramInternal { get; private set; } = null!;

    public CatalogService.CatalogServiceClient Catalog { get; private set; } = null!;

    /// <summary>What the services published on the event streams.</summary>
    public PublishedEvents Published { get; private set; } = null!;

    public string ProgramDatabase => App.GetConnectionString("programdb");

    public async Task InitializeAsync()
    {
        App = await TestPlatform.StartAsync(new PlatformOptions
        {
            Only = ["program", "bff"],
            Except = ["registration", "payment", "billing", "notification", "analytics"],
        });
        _program = GrpcChannel.ForAddress(App.GetEndpoint("program", "grpc"));
        _catalog = GrpcChannel.ForAddress(App.GetEndpoint("catalog", "grpc"));
        Program = new ProgramService.ProgramServiceClient(_program);
        // Internal RPCs answer the services in their table: these calls are made as registration.
        var asRegistration = $"Bearer {App.CreateServiceToken("registration")}";
        ProgramInternal = new ProgramInternalService.ProgramInternalServiceClient(
            Grpc.Core.Interceptors.ChannelExtensions.Intercept(_program, metadata =>
            {
                metadata.Add("authorization", asRegistration);
                return metadata;
            }));
        Catalog = new CatalogService.CatalogServiceClient(_catalog);
        _redis = await ConnectionMultiplexer.ConnectAsync(App.GetConnectionString("redis"));
        Published = new PublishedEvents(_redis);
    }

    public HttpClient Bff(string? token = null)
    {
        var http = new HttpClient { BaseAddress = App.GetEndpoint("bff", "http") };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }

    public string Token(string subject, CallerRole role = CallerRole.Organizer) => App.CreateToken(subject, role);

    /// <summary>A new person managing a new organizer in catalog: each test works on data of its own.</summary>
    public Task<Organizer> NewOrganizerAsync() => Organizer.CreateAsync(this, $"organizer-{Guid.NewGuid():N}");

    public async Task DisposeAsync()
    {
        _redis?.Dispose();
        _program?.Dispose();
        _catalog?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ProgramSystemCollection : ICollectionFixture<ProgramSystem>
{
    public const string Name = "Program system";
}
