using Confluent.Kafka;
using EventPlatform.Messaging.Configuration;
using EventPlatform.Messaging.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventPlatform.Messaging.Transports.Kafka;

/// <summary>
/// A consumer alone in a group of its own, from the latest offsets, that never commits: every watcher gets every
/// partition, and the group leaves nothing behind (the broker forgets a group without offsets once its member leaves).
/// </summary>
internal sealed class KafkaWatch(
    KafkaClients clients, KafkaTopics kafkaTopics, IOptions<EventBusOptions> options, TimeProvider clock, ILogger<KafkaWatch> logger) : ITransportWatch
{
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(500);
    private static readonly Backoff Reconnect = new(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));

    public async Task RunAsync(IReadOnlyList<string> topics, WatchHandler onMessage, CancellationToken cancellationToken)
    {
        foreach (var topic in topics)
        {
            await kafkaTopics.EnsureAsync(topic);
        }

        var watcher = $"{options.Value.ServiceName}.watch.{Guid.NewGuid():N}";
        var config = clients.ConsumerConfig(watcher, watcher);
        config.AutoOffsetReset = AutoOffsetReset.Latest;
        using var consumer = new ConsumerBuilder<string, byte[]>(config)
            .SetErrorHandler((_, error) => logger.TransportUnavailable(KafkaPublisher.SystemName, error.Reason, PollTimeout))
            .Build();
        consumer.Subscribe(topics);
        logger.Watching(string.Join(", ", topics), KafkaPublisher.SystemName);

        var failures = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    var result = await Task.Run(() => consumer.Consume(PollTimeout), CancellationToken.None);
                    if (result is null || result.IsPartitionEOF || cancellationToken.IsCancellationRequested)
                    {
                        continue;
                    }

                    if (KafkaEnvelopeCodec.TryDecode(result.Message, out var envelope, out _))
                    {
                        await WatchHandling.SeeAsync(onMessage, new IncomingMessage(result.Topic, envelope, DeliveryAttempt: 1), logger, cancellationToken);
                    }

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
        finally
        {
            consumer.Close();
        }
    }
}
