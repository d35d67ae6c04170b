namespace EventPlatform.Messaging.Configuration;

public sealed class KafkaTransportOptions
{
    /// <summary>Partitions of topics created by the bus; the ordering key picks the partition.</summary>
    public int Partitions { get; set; } = 6;

    /// <summary>Replication factor of created topics; -1 takes the broker's default.</summary>
    public short ReplicationFactor { get; set; } = -1;

    /// <summary>How long the group waits for a silent consumer before giving its partitions to another.</summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Extra librdkafka settings for every client (security.protocol, sasl.*, ssl.* …).</summary>
    public Dictionary<string, string> Client { get; } = [];
}
