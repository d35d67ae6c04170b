using System.Diagnostics.CodeAnalysis;
using EventPlatform.Messaging.Envelope;
using StackExchange.Redis;

namespace EventPlatform.Messaging.Transports.Redis;

/// <summary>An envelope as a stream entry: one field per CloudEvents attribute, and the protobuf bytes in "data".</summary>
internal static class RedisEnvelopeCodec
{
    public const string DataField = "data";

    public static NameValueEntry[] Encode(IntegrationEventEnvelope envelope)
    {
        var fields = new List<NameValueEntry>(11)
        {
            new(CloudEventAttributes.SpecVersion, CloudEventAttributes.SpecVersionValue),
            new(CloudEventAttributes.Id, envelope.Id),
            new(CloudEventAttributes.Source, envelope.Source),
            new(CloudEventAttributes.Type, envelope.Type),
            new(CloudEventAttributes.Time, EnvelopeReader.FormatTime(envelope.Time)),
            new(CloudEventAttributes.DataContentType, CloudEventAttributes.ProtobufContentType),
            new(CloudEventAttributes.PartitionKey, envelope.PartitionKey),
        };
        AddIfPresent(fields, CloudEventAttributes.Subject, envelope.Subject);
        AddIfPresent(fields, CloudEventAttributes.TraceParent, envelope.TraceParent);
        AddIfPresent(fields, CloudEventAttributes.TraceState, envelope.TraceState);
        fields.Add(new NameValueEntry(DataField, envelope.Data));
        return [.. fields];
    }

    public static bool TryDecode(
        NameValueEntry[] fields, [NotNullWhen(true)] out IntegrationEventEnvelope? envelope, [NotNullWhen(false)] out string? problem)
    {
        var byName = new Dictionary<string, RedisValue>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            byName.TryAdd(field.Name.ToString(), field.Value);
        }

        ReadOnlyMemory<byte>? data = byName.TryGetValue(DataField, out var raw) && !raw.IsNull ? (byte[])raw! : null;
        return EnvelopeReader.TryRead(
            name => byName.TryGetValue(name, out var value) && !value.IsNull ? value.ToString() : null,
            data,
            out envelope,
            out problem);
    }

    private static void AddIfPresent(List<NameValueEntry> fields, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            fields.Add(new NameValueEntry(name, value));
        }
    }
}
