namespace EventPlatform.Messaging.Configuration;

public sealed class OutboxOptions
{
    /// <summary>How often the relay looks for pending rows when no commit notification arrives (a lost connection, a missed NOTIFY).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Rows published per relay transaction.</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>Ordering keys taken per relay transaction; each key's rows are published one after another.</summary>
    public int MaxKeysPerBatch { get; set; } = 64;

    /// <summary>Ordering keys published concurrently within a batch.</summary>
    public int MaxParallelKeys { get; set; } = 16;

    /// <summary>First wait after a failed publish; doubles with every further failure of the same row.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long sent rows are kept (to investigate what was published) before they are pruned.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the backlog gauges are refreshed from the database.</summary>
    public TimeSpan BacklogRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);
}
