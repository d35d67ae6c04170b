namespace EventPlatform.Messaging.Configuration;

public sealed class KafkaTransportOptions
{
    /// <summary>Partitions of topics created by the bus; the ordering key picks the partition.</summary>
    public int Partitions { get; set; } = 6;

    /// <summary>Replication factor of created topics; -1 takes the broker's default.</summary>
    public short ReplicationFactor { get; set; } = -1;

    /// <summary>
    /// True: the bus creates its topics (with <see cref="Partitions"/> and <see cref="ReplicationFactor"/>) before using
    /// them. False where the cluster creates topics on first use instead — librdkafka's mock cluster, whose admin API
    /// cannot create topics, or a broker with auto.create.topics.enable — and then consumers may ask it to.
    /// </summary>
    public bool CreateTopics { get; set; } = true;

    /// <summary>How long the group waits for a silent consumer before giving its partitions to another.</summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Extra librdkafka settings for every client (security.protocol, sasl.*, ssl.* …).</summary>
    public Dictionary<string, string> Client { get; } = [];
}
