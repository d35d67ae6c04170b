namespace EventPlatform.Messaging.Configuration;

public sealed class InboxOptions
{
    /// <summary>
    /// How long the record of a handled event is kept. A redelivery older than this would be applied again, so keep it
    /// longer than the transport keeps messages (stream retention, Kafka topic retention) and any replay window.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);
}
