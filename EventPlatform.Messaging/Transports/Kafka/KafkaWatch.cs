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
            .SetErrorHandler((_, error) => logger.TransportUnavailable(KafkaPublisher.SystemName, error.Reason, KafkaPolling.PollTimeout))
            .Build();
        consumer.Subscribe(topics);
        logger.Watching(string.Join(", ", topics), KafkaPublisher.SystemName);

        try
        {
            await KafkaPolling.RunAsync(
                consumer,
                async result =>
                {
                    if (KafkaEnvelopeCodec.TryDecode(result.Message, out var envelope, out _))
                    {
                        await WatchHandling.SeeAsync(onMessage, new IncomingMessage(result.Topic, envelope, DeliveryAttempt: 1), logger, cancellationToken);
                    }
                },
                clock,
                logger,
                cancellationToken);
        }
        finally
        {
            consumer.Close();
        }
    }
}
