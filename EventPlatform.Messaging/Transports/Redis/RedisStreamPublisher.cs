using EventPlatform.Messaging.Envelope;

namespace EventPlatform.Messaging.Transports.Redis;

/// <summary>XADD of the envelope onto the topic's stream; Redis's append-only file keeps it across a restart.</summary>
internal sealed class RedisStreamPublisher(RedisConnections connections, PublishedStreams published) : ITransportPublisher
{
    public const string SystemName = "redis";

    public string System => SystemName;

    public async Task PublishAsync(string topic, IntegrationEventEnvelope envelope, CancellationToken cancellationToken)
    {
        var database = await connections.DatabaseAsync();
        await database.StreamAddAsync(topic, RedisEnvelopeCodec.Encode(envelope)).WaitAsync(cancellationToken);
        published.Add(topic);
    }
}
