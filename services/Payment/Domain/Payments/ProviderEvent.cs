namespace EventPlatform.Payment.Domain.Payments;

/// <summary>
/// One event the provider notified (a webhook), recorded under the provider's event id the moment it arrives, so each
/// is acted on once however often it is delivered. Acting on it means reading the object it names from the provider:
/// the event's body only says which object to look at.
/// </summary>
public sealed class ProviderEvent
{
    private ProviderEvent()
    {
    }

    /// <summary>The provider's event id (evt_…).</summary>
    public string Id { get; private set; } = "";

    public string Provider { get; private set; } = "";

    /// <summary>The provider's event type, e.g. payment_intent.succeeded.</summary>
    public string Type { get; private set; } = "";

    /// <summary>The provider's id of the object the event is about (pi_…, re_…).</summary>
    public string ObjectId { get; private set; } = "";

    public DateTimeOffset ReceiveTime { get; private set; }

    /// <summary>Null until acted on.</summary>
    public DateTimeOffset? ProcessTime { get; private set; }

    public static ProviderEvent Received(string provider, string id, string type, string objectId, DateTimeOffset now) =>
        new() { Provider = provider, Id = id, Type = type, ObjectId = objectId, ReceiveTime = now };

    public void Processed(DateTimeOffset now) => ProcessTime ??= now;
}
