using EventPlatform.Messaging.Envelope;

namespace EventPlatform.Messaging.Outbox;

/// <summary>A pending outbox row as the relay reads it.</summary>
internal sealed record OutboxRow(
    Guid Id,
    long Sequence,
    string Topic,
    string Type,
    string OrderingKey,
    string? Subject,
    byte[] Payload,
    DateTimeOffset CreatedAt,
    string? TraceParent,
    string? TraceState,
    int Attempts)
{
    public IntegrationEventEnvelope ToEnvelope(string source) => new()
    {
        Id = Id.ToString(),
        Source = source,
        Type = Type,
        Time = CreatedAt,
        Subject = Subject,
        PartitionKey = OrderingKey,
        TraceParent = TraceParent,
        TraceState = TraceState,
        Data = Payload,
    };
}
