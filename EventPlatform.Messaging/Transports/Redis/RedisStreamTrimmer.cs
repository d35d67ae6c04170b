using EventPlatform.Messaging.Configuration;
using EventPlatform.Messaging.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace EventPlatform.Messaging.Transports.Redis;

/// <summary>
/// Keeps the streams this service publishes from growing forever: removes entries older than the retention that every
/// consumer group has acknowledged. An entry still pending, or not yet read by some group, is never removed.
/// </summary>
internal sealed class RedisStreamTrimmer(
    RedisConnections connections, PublishedStreams streams, IOptions<EventBusOptions> options, TimeProvider clock, ILogger<RedisStreamTrimmer> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Redis.TrimInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Backoff.DelayAsync(interval, clock, stoppingToken);
            foreach (var stream in streams.All)
            {
                try
                {
                    await TrimAsync(stream);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // Housekeeping never stops the service: an exception escaping a BackgroundService stops the host.
                    logger.HousekeepingFailed(e, $"trimming {stream}", interval);
                }
            }
        }
    }

    public async Task<long> TrimAsync(string stream)
    {
        var database = await connections.DatabaseAsync();
        var keepFrom = StreamIds.At(clock.GetUtcNow() - options.Value.Redis.StreamRetention);
        foreach (var group in await database.StreamGroupInfoAsync(stream))
        {
            // Asked of XPENDING itself, not of the group's count read a moment earlier: the consumer may have
            // acknowledged everything in between, and then there is no lowest pending id.
            var pending = await database.StreamPendingAsync(stream, group.Name);
            var oldestNeeded = pending.PendingMessageCount > 0 && !pending.LowestPendingMessageId.IsNull
                ? pending.LowestPendingMessageId.ToString()
                : group.LastDeliveredId ?? "0-0";
            keepFrom = StreamIds.Min(keepFrom, oldestNeeded);
        }

        var trimmed = await database.StreamTrimByMinIdAsync(stream, keepFrom);
        if (trimmed > 0)
        {
            logger.Trimmed(trimmed, stream, keepFrom);
        }

        return trimmed;
    }
}
