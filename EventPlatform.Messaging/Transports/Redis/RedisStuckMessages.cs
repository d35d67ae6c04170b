using EventPlatform.Messaging.Diagnostics;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace EventPlatform.Messaging.Transports.Redis;

/// <summary>
/// Takes over messages that a consumer of the group received and never acknowledged within the idle time: it died,
/// hung, or lost its connection mid-handling (XAUTOCLAIM). Their delivery counts come from the pending-entries list,
/// so a message that keeps killing its consumers is eventually dead-lettered instead of claimed forever.
/// </summary>
internal sealed class RedisStuckMessages(IDatabase database, ConsumerSettings settings, TimeSpan minIdle, TimeSpan idleConsumerExpiry, ILogger logger)
{
    private const int MaxScansPerStream = 10;

    public async Task<IReadOnlyList<RedisStreamEntry>> ClaimAsync()
    {
        var claimed = new List<RedisStreamEntry>();
        foreach (var stream in settings.Topics)
        {
            var start = (RedisValue)"0-0";
            for (var scan = 0; scan < MaxScansPerStream; scan++)
            {
                var result = await database.StreamAutoClaimAsync(
                    stream, settings.Group, settings.ConsumerName, (long)minIdle.TotalMilliseconds, start, settings.BatchSize);
                var entries = result.ClaimedEntries.Where(e => !e.IsNull).ToArray();
                if (entries.Length > 0)
                {
                    var counts = await DeliveryCountsAsync(stream, entries);
                    claimed.AddRange(entries.Select(e =>
                        new RedisStreamEntry(stream, e.Id, e.Values, counts.GetValueOrDefault(e.Id.ToString(), 2))));
                    logger.Claimed(entries.Length, stream, settings.Group);
                }

                start = result.NextStartId;
                if (start == "0-0")
                {
                    break;
                }
            }
        }

        return claimed;
    }

    /// <summary>Forgets consumers that left long ago, so the group's consumer list does not grow with every deployment.</summary>
    public async Task RemoveIdleConsumersAsync()
    {
        foreach (var stream in settings.Topics)
        {
            foreach (var consumer in await database.StreamConsumerInfoAsync(stream, settings.Group))
            {
                var idle = TimeSpan.FromMilliseconds(consumer.IdleTimeInMilliseconds);
                if (consumer.Name != settings.ConsumerName && consumer.PendingMessageCount == 0 && idle > idleConsumerExpiry)
                {
                    await database.StreamDeleteConsumerAsync(stream, settings.Group, consumer.Name);
                    logger.RemovedIdleConsumer(consumer.Name!, settings.Group, stream, idle);
                }
            }
        }
    }

    private async Task<Dictionary<string, int>> DeliveryCountsAsync(string stream, StreamEntry[] entries)
    {
        var pending = await database.StreamPendingMessagesAsync(
            stream, settings.Group, entries.Length, settings.ConsumerName, entries[0].Id, entries[^1].Id);
        return pending.ToDictionary(p => p.MessageId.ToString(), p => p.DeliveryCount);
    }
}
