using System.Diagnostics.CodeAnalysis;
using System.Text;
using Confluent.Kafka;
using EventPlatform.Messaging.Envelope;

namespace EventPlatform.Messaging.Transports.Kafka;

/// <summary>
/// CloudEvents Kafka binding, binary content mode: attributes as <c>ce_*</c> headers, the content type as
/// <c>content-type</c>, the partition key as the message key, the protobuf bytes as the value. The trace context goes
/// in the plain W3C <c>traceparent</c>/<c>tracestate</c> headers, which Kafka instrumentations of any language read.
/// </summary>
internal static class KafkaEnvelopeCodec
{
    public const string AttributePrefix = "ce_";
    public const string ContentTypeHeader = "content-type";

    public static Headers Headers(IntegrationEventEnvelope envelope)
    {
        var headers = new Headers();
        Add(headers, AttributePrefix + CloudEventAttributes.SpecVersion, CloudEventAttributes.SpecVersionValue);
        Add(headers, AttributePrefix + CloudEventAttributes.Id, envelope.Id);
        Add(headers, AttributePrefix + CloudEventAttributes.Source, envelope.Source);
        Add(headers, AttributePrefix + CloudEventAttributes.Type, envelope.Type);
        Add(headers, AttributePrefix + CloudEventAttributes.Time, EnvelopeReader.FormatTime(envelope.Time));
        Add(headers, AttributePrefix + CloudEventAttributes.Subject, envelope.Subject);
        Add(headers, ContentTypeHeader, CloudEventAttributes.ProtobufContentType);
        Add(headers, CloudEventAttributes.TraceParent, envelope.TraceParent);
        Add(headers, CloudEventAttributes.TraceState, envelope.TraceState);
        return headers;
    }

    public static bool TryDecode(
        Message<string, byte[]> message, [NotNullWhen(true)] out IntegrationEventEnvelope? envelope, [NotNullWhen(false)] out string? problem) =>
        EnvelopeReader.TryRead(
            name => name switch
            {
                CloudEventAttributes.DataContentType => Header(message.Headers, ContentTypeHeader),
                CloudEventAttributes.PartitionKey => string.IsNullOrEmpty(message.Key) ? Header(message.Headers, AttributePrefix + name) : message.Key,
                CloudEventAttributes.TraceParent or CloudEventAttributes.TraceState =>
                    Header(message.Headers, name) ?? Header(message.Headers, AttributePrefix + name),
                _ => Header(message.Headers, AttributePrefix + name),
            },
            message.Value,
            out envelope,
            out problem);

    public static string? Header(Headers? headers, string name) =>
        headers is not null && headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;

    public static void Add(Headers headers, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            headers.Add(name, Encoding.UTF8.GetBytes(value));
        }
    }
}
