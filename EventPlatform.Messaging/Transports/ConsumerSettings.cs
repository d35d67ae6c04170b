namespace EventPlatform.Messaging.Transports;

/// <param name="Group">The consumer group: the service's name.</param>
/// <param name="ConsumerName">This replica within the group.</param>
/// <param name="Topics">Physical topic names.</param>
/// <param name="ReadFromStart">Where a group new to a topic starts: its oldest message, or the next one published.</param>
/// <param name="IsTransient">Whether a handler's failure passes by itself: retried for as long as it takes, never dead-lettered.</param>
internal sealed record ConsumerSettings(
    string Group,
    string ConsumerName,
    IReadOnlyList<string> Topics,
    int MaxDeliveryAttempts,
    Backoff Retry,
    int MaxConcurrency,
    int BatchSize,
    bool ReadFromStart = true,
    Func<Exception, bool>? IsTransient = null);
