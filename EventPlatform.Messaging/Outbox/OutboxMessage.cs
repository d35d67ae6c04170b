namespace EventPlatform.Messaging.Outbox;

/// <summary>
/// An event waiting in the service's own database to be published. It is inserted by the transaction that changed
/// state, so the change and its event are committed, or lost, together.
/// </summary>
internal sealed class OutboxMessage
{
    /// <summary>Also the CloudEvents id of the published event.</summary>
    public Guid Id { get; init; }

    /// <summary>
    /// Publication order. Assigned by the insert trigger after it locks the ordering key, so for one key it follows
    /// commit order, not the order in which concurrent transactions happened to insert.
    /// </summary>
    public long Sequence { get; private set; }

    public required string Topic { get; init; }

    public required string Type { get; init; }

    public required string OrderingKey { get; init; }

    public string? Subject { get; init; }

    public required byte[] Payload { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The W3C context of the span that enqueued the event: the publish span's parent.</summary>
    public string? TraceParent { get; init; }

    public string? TraceState { get; init; }

    public int Attempts { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }
}
