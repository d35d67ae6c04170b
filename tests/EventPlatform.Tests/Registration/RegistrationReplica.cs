extern alias RegistrationService;

using RegistrationService::EventPlatform.Registrations.Application;
using RegistrationService::EventPlatform.Registrations.Application.Catalog;
using RegistrationService::EventPlatform.Registrations.Extensions;
using RegistrationService::EventPlatform.Registrations.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace EventPlatform.Tests.Registrations;

/// <summary>
/// One replica of the registration service in-process: the service's own wiring (AddRegistration) over a shared
/// PostgreSQL database and Redis, with a clock the test moves. Several replicas over one database behave as
/// several pods would.
/// </summary>
internal sealed class RegistrationReplica : IAsyncDisposable
{
    private readonly IHost _host;

    private RegistrationReplica(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    /// <param name="reconciliationQuietPeriod">By default 1 ms: tests reconcile right after a rush whose calls all returned.</param>
    public static async Task<RegistrationReplica> StartAsync(
        string database, string redis, FakeTimeProvider clock, string topicPrefix, TimeSpan? reconciliationQuietPeriod = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:registrationdb"] = database,
            ["ConnectionStrings:redis"] = redis,
            ["Messaging:TopicPrefix"] = topicPrefix,
            ["services:catalog:grpc:0"] = "http://127.0.0.1:9",
            ["services:program:grpc:0"] = "http://127.0.0.1:9",
            ["Registration:ReconciliationQuietPeriod"] = (reconciliationQuietPeriod ?? TimeSpan.FromMilliseconds(1)).ToString(),
        });
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.AddRegistration();
        var host = builder.Build();
        await host.StartAsync();
        return new RegistrationReplica(host);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<RegistrationService::EventPlatform.Registrations.Domain.Registrations.Registration> RegisterAsync(
        Guid eventId, string subject, string? requestId = null, CancellationToken cancellationToken = default) =>
        InScopeAsync(async s => (await s.GetRequiredService<RegistrationCommands>().RegisterAsync(
            new RegisterCommand(
                requestId ?? $"req-{subject}-{eventId:N}", eventId, subject,
                RegistrationService::EventPlatform.Registrations.Domain.Registrations.Attendee.Of(subject, $"Attendee {subject}", $"{subject}@example.org", "en-GB"),
                [], null),
            cancellationToken)).Registration);

    /// <summary>Projects a catalog event as the EventPublished/EventUpdated handler does.</summary>
    /// <summary>A free event with a waitlist, published and open for registration around the given instant.</summary>
    public async Task<Guid> PublishOpenEventAsync(int capacity, DateTimeOffset now, bool waitlist = true)
    {
        var id = Guid.NewGuid();
        await PublishAsync(new EventPlatform.Contracts.Catalog.V1.Event
        {
            Id = id.ToString(),
            OwnerId = "organizer-1",
            Capacity = capacity,
            WaitlistEnabled = waitlist,
            Status = EventPlatform.Contracts.Catalog.V1.EventStatus.Published,
            RegistrationOpensTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(now.AddDays(-1)),
            RegistrationClosesTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(now.AddDays(30)),
        });
        return id;
    }

    public Task PublishAsync(EventPlatform.Contracts.Catalog.V1.Event e) =>
        InBusTransactionAsync(s =>
            ActivatorUtilities.CreateInstance<ProjectCapacityPolicy>(s).HandleAsync(
                new EventPlatform.Contracts.Catalog.V1.EventPublished { Event = e },
                new EventPlatform.Messaging.Handling.IntegrationEventContext
                {
                    MessageId = Guid.NewGuid().ToString(),
                    Source = "catalog",
                    Type = "eventplatform.catalog.v1.EventPublished",
                    Time = DateTimeOffset.UtcNow,
                    OrderingKey = e.Id,
                    Topic = "catalog.events",
                    DeliveryAttempt = 1,
                },
                CancellationToken.None));

    /// <summary>Runs a handler as the bus does: in a transaction of the service's DbContext, under its execution strategy.</summary>
    public Task InBusTransactionAsync(Func<IServiceProvider, Task> handle) =>
        InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<RegistrationDbContext>();
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(async (CancellationToken token) =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(token);
                await handle(s);
                await db.SaveChangesAsync(token);
                await transaction.CommitAsync(token);
                return true;
            }, CancellationToken.None);
        });

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
