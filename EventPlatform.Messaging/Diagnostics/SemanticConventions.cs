namespace EventPlatform.Messaging.Diagnostics;

/// <summary>OpenTelemetry messaging and CloudEvents semantic-convention names used on our spans and metrics.</summary>
internal static class SemanticConventions
{
    public const string System = "messaging.system";
    public const string DestinationName = "messaging.destination.name";
    public const string OperationType = "messaging.operation.type";
    public const string OperationName = "messaging.operation.name";
    public const string MessageId = "messaging.message.id";
    public const string ConsumerGroup = "messaging.consumer.group.name";
    public const string BodySize = "messaging.message.body.size";
    public const string ErrorType = "error.type";

    public const string CloudEventId = "cloudevents.event_id";
    public const string CloudEventSource = "cloudevents.event_source";
    public const string CloudEventType = "cloudevents.event_type";
    public const string CloudEventSubject = "cloudevents.event_subject";

    public const string SendOperation = "send";
    public const string ProcessOperation = "process";
}
