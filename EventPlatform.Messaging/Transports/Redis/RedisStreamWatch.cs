using EventPlatform.Messaging.Configuration;
using EventPlatform.Messaging.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace EventPlatform.Messaging.Transports.Redis;

/// <summary>
/// XREAD … BLOCK without a group on a dedicated connection, from each stream's last entry when the watch started. The
/// position of each stream is kept across Redis errors, so after a restart the watch goes on where it stopped: within
/// the streams' retention, nothing published meanwhile is missed.
/// </summary>
internal sealed class RedisStreamWatch(
    RedisConnections connections, IOptions<EventBusOptions> options, TimeProvider clock, ILogger<RedisStreamWatch> logger) : ITransportWatch
{
    private static readonly Backoff Reconnect = new(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));

    public async Task RunAsync(IReadOnlyList<string> topics, WatchHandler onMessage, CancellationToken cancellationToken)
    {
        var block = options.Value.Redis.BlockTimeout;
        await using var dedicated = await connections.ConnectDedicatedAsync(block);
        var reader = dedicated.GetDatabase();
        logger.Watching(string.Join(", ", topics), RedisStreamPublisher.SystemName);
        RedisValue[]? positions = null;
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                positions ??= await LastIdsAsync(await connections.DatabaseAsync(), topics);
                var arguments = new List<object> { "COUNT", options.Value.Consumer.BatchSize, "BLOCK", (long)Math.Max(1, block.TotalMilliseconds), "STREAMS" };
                arguments.AddRange(topics.Select(topic => (object)new RedisKey(topic)));
                arguments.AddRange(positions.Select(position => (object)position));
                foreach (var entry in StreamReplies.Parse(await reader.ExecuteAsync("XREAD", arguments)))
                {
                    positions[IndexOf(topics, entry.Stream)] = entry.Id;
                    if (RedisEnvelopeCodec.TryDecode(entry.Fields, out var envelope, out _))
                    {
                        await WatchHandling.SeeAsync(onMessage, new IncomingMessage(entry.Stream, envelope, DeliveryAttempt: 1), logger, cancellationToken);
                    }
                }

                failures = 0;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is RedisException or RedisTimeoutException)
            {
                var delay = Reconnect.After(++failures);
                logger.TransportUnavailable(RedisStreamPublisher.SystemName, e.Message, delay);
                await Backoff.DelayAsync(delay, clock, cancellationToken);
            }
        }
    }

    /// <summary>Each stream's newest id, or the start of a stream that does not exist yet (all it will hold is new).</summary>
    private static async Task<RedisValue[]> LastIdsAsync(IDatabase database, IReadOnlyList<string> topics)
    {
        var positions = new RedisValue[topics.Count];
        for (var i = 0; i < topics.Count; i++)
        {
            var newest = await database.StreamRangeAsync(topics[i], "-", "+", count: 1, messageOrder: Order.Descending);
            positions[i] = newest.Length == 0 ? "0-0" : newest[0].Id;
        }

        return positions;
    }

    private static int IndexOf(IReadOnlyList<string> topics, string stream)
    {
        for (var i = 0; i < topics.Count; i++)
        {
            if (topics[i] == stream)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"XREAD answered for {stream}, which was not asked for.");
    }
}
