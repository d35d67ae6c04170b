namespace EventPlatform.Catalog.Domain.Events;

public enum RefundPolicy
{
    /// <summary>Full refund until the deadline, none after.</summary>
    FullUntilDeadline = 1,

    /// <summary>No refund, except when the organizer cancels the event.</summary>
    None = 2,
}

/// <summary>What an attendee who cancels gets back. Without a deadline, refunds run until the event starts.</summary>
public sealed record RefundTerms(RefundPolicy Policy, DateTimeOffset? Deadline)
{
    public static RefundTerms NoRefund { get; } = new(RefundPolicy.None, null);
}
