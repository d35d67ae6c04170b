using Confluent.Kafka;
using EventPlatform.Messaging.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EventPlatform.Messaging.Transports.Kafka;

/// <summary>The poll loop of a consumer and of a watch: one message at a time until cancelled.</summary>
internal static class KafkaPolling
{
    public static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(500);
    private static readonly Backoff Reconnect = new(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));

    /// <summary>
    /// A <see cref="KafkaException"/> (a rebalance took the partition, the broker is away) pauses the loop with backoff;
    /// whatever was not committed comes back.
    /// </summary>
    public static async Task RunAsync(
        IConsumer<string, byte[]> consumer, Func<ConsumeResult<string, byte[]>, Task> onMessage, TimeProvider clock, ILogger logger,
        CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                // Consume blocks; off the caller's thread so a stopping host is not held up by it.
                var result = await Task.Run(() => consumer.Consume(PollTimeout), CancellationToken.None);
                if (result is null || result.IsPartitionEOF || cancellationToken.IsCancellationRequested)
                {
                    continue;
                }

                await onMessage(result);
                failures = 0;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (KafkaException e)
            {
                var delay = Reconnect.After(++failures);
                logger.TransportUnavailable(KafkaPublisher.SystemName, e.Error.Reason, delay);
                await Backoff.DelayAsync(delay, clock, cancellationToken);
            }
        }
    }
}
