namespace EventPlatform.Messaging.Envelope;

/// <summary>
/// CloudEvents 1.0 attribute names and the values we fix. Mapped by hand rather than through CloudNative.CloudEvents:
/// both transports use binary content mode (attributes beside raw protobuf data), which is a dozen names.
/// </summary>
public static class CloudEventAttributes
{
    public const string SpecVersionValue = "1.0";
    public const string ProtobufContentType = "application/protobuf";

    public const string SpecVersion = "specversion";
    public const string Id = "id";
    public const string Source = "source";
    public const string Type = "type";
    public const string Time = "time";
    public const string Subject = "subject";
    public const string DataContentType = "datacontenttype";

    /// <summary>The CloudEvents partitioning extension: our ordering key.</summary>
    public const string PartitionKey = "partitionkey";

    /// <summary>The CloudEvents distributed-tracing extension, which carries the W3C trace context.</summary>
    public const string TraceParent = "traceparent";

    public const string TraceState = "tracestate";
}
