using Confluent.Kafka;
using EventPlatform.Messaging.Diagnostics;
using EventPlatform.Messaging.Envelope;
using Microsoft.Extensions.Logging;

namespace EventPlatform.Messaging.Transports.Kafka;

/// <summary>
/// One consumer in the service's group. Messages are handled one at a time in partition order, which is the ordering
/// key's order; the offset is committed only after the handler's transaction committed (or the message was
/// dead-lettered), so a consumer that dies leaves its partitions to another that resumes from the last commit.
/// </summary>
internal sealed class KafkaConsumer(
    KafkaClients clients, KafkaTopics topics, MessagingMetrics metrics, TimeProvider clock, ILogger<KafkaConsumer> logger) : ITransportConsumer
{
    public async Task RunAsync(ConsumerSettings settings, DeliveryHandler handler, CancellationToken cancellationToken)
    {
        foreach (var topic in settings.Topics)
        {
            await topics.EnsureAsync(topic);
            await topics.EnsureAsync(Topics.DeadLetterOf(topic));
        }

        var deadLetters = new KafkaDeadLetterWriter(clients, settings, metrics, clock, logger);
        var config = clients.ConsumerConfig(settings.Group, settings.ConsumerName);
        config.AutoOffsetReset = settings.ReadFromStart ? AutoOffsetReset.Earliest : AutoOffsetReset.Latest;
        using var consumer = new ConsumerBuilder<string, byte[]>(config)
            .SetErrorHandler((_, error) => logger.TransportUnavailable(KafkaPublisher.SystemName, error.Reason, KafkaPolling.PollTimeout))
            .Build();
        consumer.Subscribe(settings.Topics);
        logger.Consuming(string.Join(", ", settings.Topics), settings.ConsumerName, settings.Group, KafkaPublisher.SystemName);

        try
        {
            await KafkaPolling.RunAsync(
                consumer,
                async result =>
                {
                    await HandleAsync(result, settings, handler, deadLetters, cancellationToken);
                    consumer.Commit(result);
                },
                clock,
                logger,
                cancellationToken);
        }
        finally
        {
            // Leave the group now rather than after the session timeout, so its partitions move on at once.
            consumer.Close();
        }
    }

    private async Task HandleAsync(
        ConsumeResult<string, byte[]> result, ConsumerSettings settings, DeliveryHandler handler, KafkaDeadLetterWriter deadLetters,
        CancellationToken cancellationToken)
    {
        if (!KafkaEnvelopeCodec.TryDecode(result.Message, out var envelope, out var problem))
        {
            await deadLetters.WriteAsync(result, problem, attempts: 1, cancellationToken);
            return;
        }

        var decision = await Delivery.DeliverAsync(
            new IncomingMessage(result.Topic, envelope, DeliveryAttempt: 1), handler, settings, clock, logger, cancellationToken);
        if (!decision.Acknowledge)
        {
            await deadLetters.WriteAsync(result, decision.DeadLetterReason!, decision.Attempts, cancellationToken);
        }
    }
}
