using EventPlatform.Contracts.Registration.V1;
using EventPlatform.Messaging;
using EventPlatform.Messaging.Configuration;
using EventPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace EventPlatform.Tests.Messaging;

/// <summary>How to build one test service: its name, database, transport and what it consumes.</summary>
internal sealed record BusServiceSpec(string Name, string Database, string Redis, string TopicPrefix, ITestOutputHelper Output)
{
    /// <summary>Subscribes RegistrationConfirmed → one invoice.</summary>
    public bool IssuesInvoices { get; init; }

    public string? ConsumerName { get; init; }

    public IInterceptor[] Interceptors { get; init; } = [];

    public Action<EventBusOptions>? Configure { get; init; }
}

/// <summary>
/// A service as the platform builds them, in-process: generic host, the service's DbContext over its own database,
/// AddEventBus with the tests' handler. Settings are shortened (claim after 1 s, poll every 200 ms) so faults resolve
/// quickly; nothing else differs from production wiring.
/// </summary>
internal sealed class BusService : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _started;

    private BusService(IHost host, string name)
    {
        _host = host;
        Name = name;
    }

    public string Name { get; }

    public IServiceProvider Services => _host.Services;

    public HandlerProbe Probe => _host.Services.GetRequiredService<HandlerProbe>();

    /// <summary>Builds the service and creates its schema; does not start it.</summary>
    public static async Task<BusService> CreateAsync(BusServiceSpec spec)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:redis"] = spec.Redis });
        builder.Logging.AddProvider(new TestOutputLoggerProvider(spec.Output, spec.Name));
        builder.Services.AddDbContext<MessagingTestDbContext>(options => options.UseNpgsql(spec.Database).AddInterceptors(spec.Interceptors));
        builder.Services.AddSingleton<HandlerProbe>();

        var bus = builder.AddEventBus<MessagingTestDbContext>(spec.Name, options =>
        {
            options.TopicPrefix = spec.TopicPrefix;
            options.Outbox.PollInterval = TimeSpan.FromMilliseconds(200);
            options.Outbox.RetryBaseDelay = TimeSpan.FromMilliseconds(50);
            options.Outbox.RetryMaxDelay = TimeSpan.FromMilliseconds(500);
            options.Consumer.ConsumerName = spec.ConsumerName ?? $"{spec.Name}-{Guid.NewGuid():N}";
            options.Consumer.MaxDeliveryAttempts = 3;
            options.Consumer.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
            options.Consumer.RetryMaxDelay = TimeSpan.FromMilliseconds(100);
            options.Redis.ClaimMinIdle = TimeSpan.FromSeconds(1);
            options.Redis.ClaimInterval = TimeSpan.FromMilliseconds(250);
            options.Redis.BlockTimeout = TimeSpan.FromMilliseconds(250);
            spec.Configure?.Invoke(options);
        });
        if (spec.IssuesInvoices)
        {
            bus.Subscribe<RegistrationConfirmed, InvoiceOnRegistrationConfirmed>();
        }

        var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MessagingTestDbContext>().Database.EnsureCreatedAsync();
        }

        return new BusService(host, spec.Name);
    }

    public static async Task<BusService> StartAsync(BusServiceSpec spec)
    {
        var service = await CreateAsync(spec);
        await service.StartAsync();
        return service;
    }

    public async Task StartAsync()
    {
        await _host.StartAsync();
        _started = true;
    }

    /// <summary>Stops the hosted services (relay, consumer) as a shutting-down process would, without acknowledging what is in flight.</summary>
    public async Task StopAsync()
    {
        if (_started)
        {
            _started = false;
            await _host.StopAsync();
        }
    }

    /// <summary>The publisher's use case: a registration is confirmed and RegistrationConfirmed enqueued, in one SaveChanges.</summary>
    public async Task<Guid> ConfirmRegistrationAsync(string eventId, string? registrationId = null)
    {
        registrationId ??= Guid.NewGuid().ToString();
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MessagingTestDbContext>();
        db.Registrations.Add(new ConfirmedRegistration { Id = registrationId, EventId = eventId, AttendeeEmail = "ada@example.org" });
        var messageId = scope.ServiceProvider.GetRequiredService<IOutbox>().Enqueue(
            new RegistrationConfirmed
            {
                EventId = eventId,
                Registration = new Registration
                {
                    Id = registrationId,
                    EventId = eventId,
                    Status = RegistrationStatus.Confirmed,
                    Attendee = new Attendee { Id = "ada", Name = "Ada Lovelace", Email = "ada@example.org", Locale = "en-GB" },
                },
            },
            subject: registrationId);
        await db.SaveChangesAsync();
        return messageId;
    }

    /// <summary>Enqueues any event on its own, committed by one SaveChanges.</summary>
    public async Task<Guid> PublishAsync(Google.Protobuf.IMessage @event)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var messageId = scope.ServiceProvider.GetRequiredService<IOutbox>().Enqueue(@event);
        await scope.ServiceProvider.GetRequiredService<MessagingTestDbContext>().SaveChangesAsync();
        return messageId;
    }

    public async Task<T> QueryAsync<T>(Func<MessagingTestDbContext, Task<T>> query)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MessagingTestDbContext>());
    }

    public Task<List<IssuedInvoice>> InvoicesAsync() =>
        QueryAsync(db => db.Invoices.AsNoTracking().OrderBy(i => i.Number).ToListAsync());

    public Task<List<OutboxMessage>> OutboxAsync() =>
        QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Sequence).ToListAsync());

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }
}
