using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace EventPlatform.Messaging.Envelope;

/// <summary>
/// Rebuilds an envelope from a transport's attributes. Anything a consumer cannot trust is reported as a problem, in
/// words that end up in the dead-letter entry, instead of an exception that would make the message loop forever.
/// </summary>
internal static class EnvelopeReader
{
    public static bool TryRead(
        Func<string, string?> attribute,
        ReadOnlyMemory<byte>? data,
        [NotNullWhen(true)] out IntegrationEventEnvelope? envelope,
        [NotNullWhen(false)] out string? problem)
    {
        envelope = null;
        var specVersion = attribute(CloudEventAttributes.SpecVersion);
        if (specVersion != CloudEventAttributes.SpecVersionValue)
        {
            problem = $"Malformed envelope: specversion is '{specVersion ?? "(missing)"}', expected '{CloudEventAttributes.SpecVersionValue}'.";
            return false;
        }

        var missing = new[] { CloudEventAttributes.Id, CloudEventAttributes.Source, CloudEventAttributes.Type, CloudEventAttributes.Time }
            .Where(name => string.IsNullOrEmpty(attribute(name)))
            .ToList();
        if (missing.Count > 0)
        {
            problem = $"Malformed envelope: required attribute(s) {string.Join(", ", missing)} missing.";
            return false;
        }

        if (!DateTimeOffset.TryParse(attribute(CloudEventAttributes.Time), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time))
        {
            problem = $"Malformed envelope: time '{attribute(CloudEventAttributes.Time)}' is not an RFC 3339 timestamp.";
            return false;
        }

        var contentType = attribute(CloudEventAttributes.DataContentType);
        if (contentType is not null && contentType != CloudEventAttributes.ProtobufContentType)
        {
            problem = $"Malformed envelope: datacontenttype '{contentType}' is not {CloudEventAttributes.ProtobufContentType}.";
            return false;
        }

        if (data is null)
        {
            problem = "Malformed envelope: no data.";
            return false;
        }

        var id = attribute(CloudEventAttributes.Id)!;
        envelope = new IntegrationEventEnvelope
        {
            Id = id,
            Source = attribute(CloudEventAttributes.Source)!,
            Type = attribute(CloudEventAttributes.Type)!,
            Time = time,
            Subject = NullIfEmpty(attribute(CloudEventAttributes.Subject)),
            // A producer that does not partition gives no key: the event is then only ordered with itself.
            PartitionKey = NullIfEmpty(attribute(CloudEventAttributes.PartitionKey)) ?? id,
            TraceParent = NullIfEmpty(attribute(CloudEventAttributes.TraceParent)),
            TraceState = NullIfEmpty(attribute(CloudEventAttributes.TraceState)),
            Data = data.Value,
        };
        problem = null;
        return true;
    }

    public static string FormatTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
