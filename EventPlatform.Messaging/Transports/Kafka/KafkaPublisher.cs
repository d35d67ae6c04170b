using Confluent.Kafka;
using EventPlatform.Messaging.Envelope;

namespace EventPlatform.Messaging.Transports.Kafka;

internal sealed class KafkaPublisher(KafkaClients clients, KafkaTopics topics) : ITransportPublisher
{
    public const string SystemName = "kafka";

    public string System => SystemName;

    /// <summary>Returns once the broker acknowledged the event from all in-sync replicas.</summary>
    public async Task PublishAsync(string topic, IntegrationEventEnvelope envelope, CancellationToken cancellationToken)
    {
        await topics.EnsureAsync(topic);
        await clients.Producer.ProduceAsync(
            topic,
            new Message<string, byte[]>
            {
                Key = envelope.PartitionKey,
                Value = envelope.Data.ToArray(),
                Headers = KafkaEnvelopeCodec.Headers(envelope),
                Timestamp = new Timestamp(envelope.Time),
            },
            cancellationToken);
    }
}
