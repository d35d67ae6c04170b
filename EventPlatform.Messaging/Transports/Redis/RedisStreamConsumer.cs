using EventPlatform.Messaging.Configuration;
using EventPlatform.Messaging.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace EventPlatform.Messaging.Transports.Redis;

/// <summary>
/// The consumer loop of one group: make sure the groups exist, take over stuck messages every claim interval, and in
/// between block on XREADGROUP for new entries. Redis errors (a restart, a failover) pause the loop with backoff; the
/// connections reconnect on their own and the append-only file kept every entry and every pending delivery.
/// </summary>
internal sealed class RedisStreamConsumer(
    RedisConnections connections,
    IOptions<EventBusOptions> options,
    MessagingMetrics metrics,
    TimeProvider clock,
    ILogger<RedisStreamConsumer> logger) : ITransportConsumer
{
    private static readonly Backoff Reconnect = new(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));

    public async Task RunAsync(ConsumerSettings settings, DeliveryHandler handler, CancellationToken cancellationToken)
    {
        var redis = options.Value.Redis;
        var database = await connections.DatabaseAsync();
        await using var dedicated = await connections.ConnectDedicatedAsync(redis.BlockTimeout);
        var reader = new RedisGroupReader(dedicated.GetDatabase(), settings);
        var stuck = new RedisStuckMessages(database, settings, redis.ClaimMinIdle, redis.IdleConsumerExpiry, logger);
        var deadLetters = new RedisDeadLetterWriter(database, settings, metrics, clock, logger);
        var processor = new RedisDeliveryProcessor(database, settings, handler, deadLetters, clock, logger);
        logger.Consuming(string.Join(", ", settings.Topics), settings.ConsumerName, settings.Group, RedisStreamPublisher.SystemName);

        var groupsReady = false;
        var failures = 0;
        // Claim at once on start: a previous incarnation of this service may have died holding messages.
        var nextClaim = DateTimeOffset.MinValue;
        var nextConsumerCleanup = DateTimeOffset.MinValue;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (!groupsReady)
                {
                    await EnsureGroupsAsync(database, settings);
                    groupsReady = true;
                }

                if (clock.GetUtcNow() >= nextClaim)
                {
                    await processor.ProcessAsync(await stuck.ClaimAsync(), cancellationToken);
                    nextClaim = clock.GetUtcNow() + redis.ClaimInterval;
                }

                if (clock.GetUtcNow() >= nextConsumerCleanup)
                {
                    await stuck.RemoveIdleConsumersAsync();
                    nextConsumerCleanup = clock.GetUtcNow() + redis.IdleConsumerExpiry / 4;
                }

                var block = TimeSpan.FromTicks(Math.Min(redis.BlockTimeout.Ticks, (nextClaim - clock.GetUtcNow()).Ticks));
                var entries = await reader.ReadNewAsync(block);
                if (cancellationToken.IsCancellationRequested)
                {
                    // Stopping: what was just read stays pending and is claimed by the group's next consumer.
                    break;
                }

                await processor.ProcessAsync(entries, cancellationToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (RedisServerException e) when (e.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
            {
                // The stream or group is gone (Redis lost its data, or someone deleted the key): create them again.
                groupsReady = false;
                await PauseAsync(e, ++failures, cancellationToken);
            }
            catch (Exception e) when (e is RedisException or RedisTimeoutException)
            {
                await PauseAsync(e, ++failures, cancellationToken);
            }
        }
    }

    private static async Task EnsureGroupsAsync(IDatabase database, ConsumerSettings settings)
    {
        var start = settings.ReadFromStart ? StreamPosition.Beginning : StreamPosition.NewMessages;
        foreach (var stream in settings.Topics)
        {
            try
            {
                await database.StreamCreateConsumerGroupAsync(stream, settings.Group, start, createStream: true);
            }
            catch (RedisServerException e) when (e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
            {
            }
        }
    }

    private async Task PauseAsync(Exception error, int failures, CancellationToken cancellationToken)
    {
        var delay = Reconnect.After(failures);
        logger.TransportUnavailable(RedisStreamPublisher.SystemName, error.Message, delay);
        await Backoff.DelayAsync(delay, clock, cancellationToken);
    }
}
