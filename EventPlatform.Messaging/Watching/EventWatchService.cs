using EventPlatform.Messaging.Configuration;
using EventPlatform.Messaging.Diagnostics;
using EventPlatform.Messaging.Transports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventPlatform.Messaging.Watching;

/// <summary>Runs the watch for as long as the service runs; a crash of the loop restarts it, never the service.</summary>
internal sealed class EventWatchService(
    ITransportWatch watch,
    IEventWatcher watcher,
    WatchedTopics topics,
    IOptions<EventBusOptions> options,
    TimeProvider clock,
    ILogger<EventWatchService> logger) : BackgroundService
{
    private static readonly Backoff Restart = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var bus = options.Value;
        var physical = topics.Logical.Select(bus.PhysicalTopic).ToList();
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await watch.RunAsync(
                    physical,
                    (message, token) => watcher.SeeAsync(new WatchedEvent(message.Topic[bus.TopicPrefix.Length..], message.Envelope), token),
                    stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                var delay = Restart.After(++failures);
                logger.ConsumerFailed(e, bus.ServiceName, delay);
                await Backoff.DelayAsync(delay, clock, stoppingToken);
            }
        }
    }
}

internal sealed record WatchedTopics(IReadOnlyList<string> Logical);
