namespace EventPlatform.Messaging.Handling;

/// <summary>The envelope of the event being handled.</summary>
public sealed class IntegrationEventContext
{
    /// <summary>The CloudEvents id, unique per event: what the inbox deduplicates on.</summary>
    public required string MessageId { get; init; }

    /// <summary>The publishing service.</summary>
    public required string Source { get; init; }

    public required string Type { get; init; }

    /// <summary>When the publisher committed the change.</summary>
    public required DateTimeOffset Time { get; init; }

    public string? Subject { get; init; }

    public required string OrderingKey { get; init; }

    public required string Topic { get; init; }

    /// <summary>1 the first time; higher when an earlier attempt failed or its consumer died.</summary>
    public required int DeliveryAttempt { get; init; }
}
