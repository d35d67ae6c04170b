namespace EventPlatform.Messaging.Outbox;

/// <summary>The last measured outbox backlog, read by the metric gauges without touching the database.</summary>
internal sealed class OutboxBacklog
{
    private Snapshot _current = new(0, null);

    public long Pending => Volatile.Read(ref _current).Pending;

    public DateTimeOffset? OldestPendingSince => Volatile.Read(ref _current).OldestCreatedAt;

    public void Update(long pending, DateTimeOffset? oldestCreatedAt) => Volatile.Write(ref _current, new Snapshot(pending, oldestCreatedAt));

    private sealed record Snapshot(long Pending, DateTimeOffset? OldestCreatedAt);
}
