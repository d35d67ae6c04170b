namespace EventPlatform.Messaging.Configuration;

/// <summary>Settings of a service's event bus; bound from the "Messaging" configuration section.</summary>
public sealed class EventBusOptions
{
    public const string SectionName = "Messaging";

    /// <summary>The service's name: the CloudEvents source of what it publishes and its consumer group.</summary>
    public string ServiceName { get; set; } = "";

    /// <summary>
    /// Prepended to every topic and stream name, so several environments (or test runs) can share one Redis or Kafka
    /// cluster without seeing each other's events. Empty in a normal deployment.
    /// </summary>
    public string TopicPrefix { get; set; } = "";

    public OutboxOptions Outbox { get; } = new();

    public InboxOptions Inbox { get; } = new();

    public ConsumerOptions Consumer { get; } = new();

    public RedisTransportOptions Redis { get; } = new();

    public KafkaTransportOptions Kafka { get; } = new();

    internal string PhysicalTopic(string topic) => TopicPrefix + topic;
}
