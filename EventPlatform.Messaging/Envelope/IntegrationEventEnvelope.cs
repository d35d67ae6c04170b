namespace EventPlatform.Messaging.Envelope;

/// <summary>
/// One integration event as it travels between services: the CloudEvents context attributes, the W3C trace context
/// of the span that published it, and the protobuf-encoded event as data.
/// </summary>
public sealed record IntegrationEventEnvelope
{
    /// <summary>CloudEvents <c>id</c>: unique per event, the key of every consumer's inbox.</summary>
    public required string Id { get; init; }

    /// <summary>CloudEvents <c>source</c>: the name of the publishing service, e.g. "registration".</summary>
    public required string Source { get; init; }

    /// <summary>CloudEvents <c>type</c>: the protobuf full name, e.g. "eventplatform.registration.v1.RegistrationConfirmed".</summary>
    public required string Type { get; init; }

    /// <summary>CloudEvents <c>time</c>: when the change that raised the event was committed.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>CloudEvents <c>subject</c>: the entity the event is about within the source, e.g. a registration id.</summary>
    public string? Subject { get; init; }

    /// <summary>CloudEvents <c>partitionkey</c>: events with the same key are delivered in the order they were published.</summary>
    public required string PartitionKey { get; init; }

    public string? TraceParent { get; init; }

    public string? TraceState { get; init; }

    /// <summary>The protobuf bytes of the event (datacontenttype application/protobuf).</summary>
    public required ReadOnlyMemory<byte> Data { get; init; }
}
