namespace EventPlatform.Messaging.Configuration;

public sealed class ConsumerOptions
{
    /// <summary>This replica's name within the consumer group; by default the machine name and process id.</summary>
    public string? ConsumerName { get; set; }

    /// <summary>Attempts (handler failures, or deliveries to consumers that died) before a message is dead-lettered.</summary>
    public int MaxDeliveryAttempts { get; set; } = 5;

    /// <summary>Wait before the first retry of a failed handler; doubles with every further attempt.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Ordering keys handled concurrently; messages of one key are always handled one after another.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>
    /// Where a consumer group starts the first time it meets a topic: at the oldest event the topic still holds (true,
    /// so a service deployed after its publishers still sees what they published), or at the next one published.
    /// </summary>
    public bool ReadFromStart { get; set; } = true;

    /// <summary>Messages fetched per read.</summary>
    public int BatchSize { get; set; } = 64;

    internal string ResolveConsumerName() =>
        string.IsNullOrWhiteSpace(ConsumerName) ? $"{Environment.MachineName}-{Environment.ProcessId}" : ConsumerName;
}
