using System.Globalization;
using Confluent.Kafka;
using EventPlatform.Messaging.Diagnostics;
using EventPlatform.Messaging.Envelope;
using Microsoft.Extensions.Logging;

namespace EventPlatform.Messaging.Transports.Kafka;

/// <summary>
/// Produces a message the group gave up on to <c>&lt;topic&gt;.dead-letter</c>: same key, value and headers, plus
/// <c>dead-letter-*</c> headers saying why, who gave up, after how many attempts, when, and from where.
/// </summary>
internal sealed class KafkaDeadLetterWriter(KafkaClients clients, ConsumerSettings settings, MessagingMetrics metrics, TimeProvider clock, ILogger logger)
{
    public async Task WriteAsync(ConsumeResult<string, byte[]> result, string reason, int attempts, CancellationToken cancellationToken)
    {
        var deadLetterTopic = Topics.DeadLetterOf(result.Topic);
        var headers = new Headers();
        foreach (var header in result.Message.Headers ?? [])
        {
            if (!DeadLetterAttributes.IsDeadLetterAttribute(header.Key))
            {
                headers.Add(header.Key, header.GetValueBytes());
            }
        }

        KafkaEnvelopeCodec.Add(headers, DeadLetterAttributes.Reason, reason);
        KafkaEnvelopeCodec.Add(headers, DeadLetterAttributes.Group, settings.Group);
        KafkaEnvelopeCodec.Add(headers, DeadLetterAttributes.Consumer, settings.ConsumerName);
        KafkaEnvelopeCodec.Add(headers, DeadLetterAttributes.Attempts, attempts.ToString(CultureInfo.InvariantCulture));
        KafkaEnvelopeCodec.Add(headers, DeadLetterAttributes.Time, EnvelopeReader.FormatTime(clock.GetUtcNow()));
        KafkaEnvelopeCodec.Add(headers, DeadLetterAttributes.Position, $"{result.Partition.Value}@{result.Offset.Value}");

        await clients.Producer.ProduceAsync(
            deadLetterTopic,
            new Message<string, byte[]> { Key = result.Message.Key, Value = result.Message.Value, Headers = headers },
            cancellationToken);

        metrics.DeadLettered(KafkaPublisher.SystemName, result.Topic, settings.Group);
        var messageId = KafkaEnvelopeCodec.Header(result.Message.Headers, KafkaEnvelopeCodec.AttributePrefix + CloudEventAttributes.Id);
        logger.DeadLettered(messageId ?? $"({result.TopicPartitionOffset})", result.Topic, settings.Group, attempts, reason, deadLetterTopic);
    }
}
