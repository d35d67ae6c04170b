using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace EventPlatform.Messaging.Envelope;

/// <summary>
/// Finds the ordering key inside an event by the contracts' convention: the catalog event's id, carried as a top-level
/// <c>event_id</c> field or, on the catalog's own events, as <c>event.id</c>. Everything about one event stays ordered.
/// </summary>
public static class OrderingKeys
{
    private const string EventIdField = "event_id";
    private const string EventField = "event";
    private const string IdField = "id";

    public static string Of(IMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var descriptor = message.Descriptor;
        if (StringField(descriptor, EventIdField) is { } eventId && eventId.Accessor.GetValue(message) is string key && key.Length > 0)
        {
            return key;
        }

        if (descriptor.FindFieldByName(EventField) is { FieldType: FieldType.Message } eventField
            && eventField.Accessor.GetValue(message) is IMessage nested
            && StringField(nested.Descriptor, IdField) is { } id
            && id.Accessor.GetValue(nested) is string nestedKey && nestedKey.Length > 0)
        {
            return nestedKey;
        }

        throw new ArgumentException(
            $"{descriptor.FullName} carries no catalog event id in '{EventIdField}' or '{EventField}.{IdField}': pass the ordering key explicitly.",
            nameof(message));
    }

    private static FieldDescriptor? StringField(MessageDescriptor descriptor, string name) =>
        descriptor.FindFieldByName(name) is { FieldType: FieldType.String, IsRepeated: false } field ? field : null;
}
