using EventPlatform.Messaging.Configuration;
using EventPlatform.Messaging.Diagnostics;
using EventPlatform.Messaging.Transports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventPlatform.Messaging.Handling;

/// <summary>Runs the service's consumer for as long as the service runs; a crash of the loop restarts it, never the service.</summary>
internal sealed class EventConsumerService<TDbContext>(
    ITransportConsumer consumer,
    IntegrationEventDispatcher<TDbContext> dispatcher,
    SubscriptionRegistry registry,
    IEnumerable<ITransientFailure> transientFailures,
    IOptions<EventBusOptions> options,
    TimeProvider clock,
    ILogger<EventConsumerService<TDbContext>> logger) : BackgroundService where TDbContext : DbContext
{
    private static readonly Backoff Restart = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (registry.ConsumedTopics.Count == 0)
        {
            return;
        }

        var bus = options.Value;
        var settings = new ConsumerSettings(
            bus.ServiceName,
            bus.Consumer.ResolveConsumerName(),
            registry.ConsumedTopics.Select(bus.PhysicalTopic).ToList(),
            bus.Consumer.MaxDeliveryAttempts,
            new Backoff(bus.Consumer.RetryBaseDelay, bus.Consumer.RetryMaxDelay),
            bus.Consumer.MaxConcurrency,
            bus.Consumer.BatchSize,
            bus.Consumer.ReadFromStart,
            TransientFailures.Of(transientFailures));

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await consumer.RunAsync(settings, dispatcher.DispatchAsync, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                var delay = Restart.After(++failures);
                logger.ConsumerFailed(e, settings.Group, delay);
                await Backoff.DelayAsync(delay, clock, stoppingToken);
            }
        }
    }
}
