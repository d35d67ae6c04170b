using EventPlatform.Messaging.Configuration;
using EventPlatform.Messaging.DeadLetters;
using EventPlatform.Messaging.Handling;
using EventPlatform.Messaging.Outbox;
using EventPlatform.Messaging.Transports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EventPlatform.Messaging;

public static class EventBusExtensions
{
    /// <summary>
    /// The service's integration events over its own database: <see cref="IOutbox"/> to publish in the same transaction
    /// as a state change, handlers registered with Subscribe that apply each event once, the relay and consumer as
    /// hosted services, the transport's health check, and the "EventPlatform.Messaging" traces and metrics.
    /// </summary>
    /// <param name="serviceName">The CloudEvents source of what the service publishes and its consumer group, e.g. "billing".</param>
    /// <typeparam name="TDbContext">The service's DbContext; its model must call <c>modelBuilder.AddMessaging()</c>.</typeparam>
    public static EventBusBuilder AddEventBus<TDbContext>(
        this IHostApplicationBuilder builder, string serviceName, Action<EventBusOptions>? configure = null)
        where TDbContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(SubscriptionRegistry)))
        {
            throw new InvalidOperationException("AddEventBus was called twice: a service has one event bus, over one DbContext.");
        }

        var options = services.AddOptions<EventBusOptions>().Bind(builder.Configuration.GetSection(EventBusOptions.SectionName));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.PostConfigure(o => o.ServiceName = serviceName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EventBusOptions>, EventBusOptionsValidation>();
        services.AddMessagingCore();
        services.AddTransport(builder.Configuration);

        services.AddScoped<IOutbox, EfOutbox<TDbContext>>();
        services.AddSingleton<OutboxNotifications>();
        services.AddSingleton<OutboxBatchPublisher<TDbContext>>();
        services.AddHostedService<OutboxRelay<TDbContext>>();
        services.AddHostedService<OutboxBacklogProbe<TDbContext>>();
        services.AddHostedService<MessagingRetention<TDbContext>>();

        services.AddSingleton<SubscriptionRegistry>();
        services.AddSingleton<IntegrationEventDispatcher<TDbContext>>();
        services.AddHostedService<EventConsumerService<TDbContext>>();
        services.AddSingleton<IDeadLetters, ServiceDeadLetters>();
        return new EventBusBuilder(services);
    }
}
