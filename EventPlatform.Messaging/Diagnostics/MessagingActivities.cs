using System.Diagnostics;
using EventPlatform.Messaging.Envelope;

namespace EventPlatform.Messaging.Diagnostics;

/// <summary>
/// The producer span of a publish and the consumer span of a handling. The producer span's parent is the context
/// captured when the event was enqueued, so one trace runs from the request that changed state to every handler.
/// </summary>
internal static class MessagingActivities
{
    public static Activity? StartPublish(string system, string destination, IntegrationEventEnvelope envelope)
    {
        ActivityContext.TryParse(envelope.TraceParent, envelope.TraceState, isRemote: false, out var parent);
        var activity = MessagingDiagnostics.ActivitySource.StartActivity($"publish {destination}", ActivityKind.Producer, parent);
        if (activity is not null)
        {
            Tag(activity, system, destination, envelope, "publish", SemanticConventions.SendOperation);
        }

        return activity;
    }

    public static Activity? StartProcess(string system, string destination, string consumerGroup, IntegrationEventEnvelope envelope)
    {
        ActivityContext.TryParse(envelope.TraceParent, envelope.TraceState, isRemote: true, out var parent);
        var activity = MessagingDiagnostics.ActivitySource.StartActivity($"process {destination}", ActivityKind.Consumer, parent);
        if (activity is not null)
        {
            Tag(activity, system, destination, envelope, "process", SemanticConventions.ProcessOperation);
            activity.SetTag(SemanticConventions.ConsumerGroup, consumerGroup);
        }

        return activity;
    }

    /// <summary>The envelope to put on the wire: it carries the producer span as parent of whatever consumes it.</summary>
    public static IntegrationEventEnvelope WithTraceContextOf(this IntegrationEventEnvelope envelope, Activity? producer) =>
        producer is { IdFormat: ActivityIdFormat.W3C }
            ? envelope with { TraceParent = producer.Id, TraceState = producer.TraceStateString }
            : envelope;

    public static void RecordFailure(this Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, exception.Message);
        activity.SetTag(SemanticConventions.ErrorType, exception.GetType().FullName);
        activity.AddException(exception);
    }

    public static void RecordFailure(this Activity? activity, string reason)
    {
        activity?.SetStatus(ActivityStatusCode.Error, reason);
        activity?.SetTag(SemanticConventions.ErrorType, "dead_letter");
    }

    private static void Tag(Activity activity, string system, string destination, IntegrationEventEnvelope envelope, string operationName, string operationType)
    {
        activity.SetTag(SemanticConventions.System, system);
        activity.SetTag(SemanticConventions.DestinationName, destination);
        activity.SetTag(SemanticConventions.OperationName, operationName);
        activity.SetTag(SemanticConventions.OperationType, operationType);
        activity.SetTag(SemanticConventions.MessageId, envelope.Id);
        activity.SetTag(SemanticConventions.BodySize, envelope.Data.Length);
        activity.SetTag(SemanticConventions.CloudEventId, envelope.Id);
        activity.SetTag(SemanticConventions.CloudEventSource, envelope.Source);
        activity.SetTag(SemanticConventions.CloudEventType, envelope.Type);
        if (envelope.Subject is not null)
        {
            activity.SetTag(SemanticConventions.CloudEventSubject, envelope.Subject);
        }
    }
}
