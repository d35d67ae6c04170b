namespace EventPlatform.Messaging.Transports;

internal enum DeliveryStatus
{
    /// <summary>Handled now: acknowledge.</summary>
    Handled,

    /// <summary>Handled before (the inbox knew it): acknowledge without a second effect.</summary>
    Duplicate,

    /// <summary>An event of a subscribed context this service does not handle: acknowledge.</summary>
    Ignored,

    /// <summary>Can never be handled (unknown type, unreadable payload): dead-letter at once, without retries.</summary>
    Rejected,
}

internal readonly record struct DeliveryOutcome(DeliveryStatus Status, string? Reason = null)
{
    public static DeliveryOutcome Handled => new(DeliveryStatus.Handled);

    public static DeliveryOutcome Duplicate => new(DeliveryStatus.Duplicate);

    public static DeliveryOutcome Ignored => new(DeliveryStatus.Ignored);

    public static DeliveryOutcome Reject(string reason) => new(DeliveryStatus.Rejected, reason);
}
