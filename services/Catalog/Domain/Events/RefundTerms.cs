using EventPlatform.Domain;

namespace EventPlatform.Catalog.Domain.Events;

public enum RefundPolicy
{
    /// <summary>Full refund until the deadline, none after.</summary>
    FullUntilDeadline = 1,

    /// <summary>No refund, except when the organizer cancels the event.</summary>
    None = 2,

    /// <summary>Full refund until the deadline, then a share of what was paid.</summary>
    PartialAfterDeadline = 3,
}

/// <summary>
/// What an attendee who cancels gets back. Without a deadline, full refunds run until the event starts; with a
/// partial policy, <see cref="LateRefundPercent"/> of what was paid is refunded after the deadline.
/// </summary>
public sealed record RefundTerms
{
    private RefundTerms(RefundPolicy policy, DateTimeOffset? deadline, int lateRefundPercent)
    {
        Policy = policy;
        Deadline = deadline;
        LateRefundPercent = lateRefundPercent;
    }

    public static RefundTerms NoRefund { get; } = new(RefundPolicy.None, null, 0);

    public RefundPolicy Policy { get; private init; }

    public DateTimeOffset? Deadline { get; private init; }

    /// <summary>0 unless the policy is <see cref="RefundPolicy.PartialAfterDeadline"/>.</summary>
    public int LateRefundPercent { get; private init; }

    public static RefundTerms Create(RefundPolicy policy, DateTimeOffset? deadline, int lateRefundPercent)
    {
        if (policy == RefundPolicy.None)
        {
            return NoRefund;
        }

        if (policy == RefundPolicy.PartialAfterDeadline)
        {
            BusinessRule.CheckAll(new PartialRefundNeedsADeadlineRule(deadline), new LateRefundMustBeAShareRule(lateRefundPercent));
            return new RefundTerms(policy, deadline, lateRefundPercent);
        }

        return new RefundTerms(policy, deadline, 0);
    }
}

public sealed class PartialRefundNeedsADeadlineRule(DateTimeOffset? deadline) : IFieldRule
{
    public string Field => "RefundTerms.Deadline";

    public string Message => "A partial refund policy needs the deadline after which only part is refunded.";

    public bool IsBroken() => deadline is null;
}

public sealed class LateRefundMustBeAShareRule(int percent) : IFieldRule
{
    public string Field => "RefundTerms.LateRefundPercent";

    public string Message => "The share refunded after the deadline must be between 1 and 99 %; use the full or no-refund policy otherwise.";

    public bool IsBroken() => percent is < 1 or > 99;
}
