namespace EventPlatform.Messaging.Configuration;

public sealed class RedisTransportOptions
{
    /// <summary>
    /// A message delivered to a consumer and not acknowledged for this long is taken over by another (XAUTOCLAIM): its
    /// consumer is presumed dead. Keep it above the longest a handler may take, or a slow handler's message is handled
    /// twice concurrently (the inbox still prevents a second effect).
    /// </summary>
    public TimeSpan ClaimMinIdle { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a consumer looks for messages stuck with dead consumers.</summary>
    public TimeSpan ClaimInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one XREADGROUP waits for new entries before the consumer loop checks for stuck messages again.</summary>
    public TimeSpan BlockTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Entries younger than this are never trimmed, acknowledged or not, so a new consumer group can still read them.</summary>
    public TimeSpan StreamRetention { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan TrimInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Consumers idle this long with nothing pending are removed from their group.</summary>
    public TimeSpan IdleConsumerExpiry { get; set; } = TimeSpan.FromHours(1);
}
