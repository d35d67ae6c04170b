namespace EventPlatform.Registrations.Domain.Policies;

/// <summary>What an attendee who cancels gets back; an organizer's cancellation is always refunded in full.</summary>
public enum RefundPolicy
{
    /// <summary>Never refunded, except when the organizer cancels.</summary>
    None,

    /// <summary>Full refund until the refund deadline (always, without one), none after.</summary>
    FullUntilDeadline,

    /// <summary>Full refund until the refund deadline, then <see cref="CapacityPolicy.LateRefundPercent"/> of what was paid.</summary>
    PartialAfterDeadline,
}

public enum EventRegistrationStatus
{
    Open,
    Closed,
    Cancelled,
}

/// <summary>
/// What registration needs to know of a catalog event, kept in step with catalog's events: how many seats, whether
/// the organizer approves each registration, whether a full event waitlists, how long a paid seat is held, and when
/// registering is allowed.
/// </summary>
public sealed class CapacityPolicy
{
    /// <summary>Catalog has no hold duration yet; a paid seat is held this long for the attendee to pay.</summary>
    public static readonly TimeSpan DefaultHoldDuration = TimeSpan.FromMinutes(15);

    private CapacityPolicy()
    {
        OwnerId = string.Empty;
    }

    public Guid EventId { get; private set; }

    /// <summary>Subject of the event's organizer: who approves, rejects and lists its registrations.</summary>
    public string OwnerId { get; private set; }

    /// <summary>The organizer (legal entity) the event belongs to, who is paid.</summary>
    public string OrganizerId { get; private set; } = string.Empty;

    public RefundPolicy RefundPolicy { get; private set; }

    public DateTimeOffset? RefundDeadline { get; private set; }

    /// <summary>With <see cref="RefundPolicy.PartialAfterDeadline"/>: the share of the price refunded after the deadline.</summary>
    public int LateRefundPercent { get; private set; }

    public int Capacity { get; private set; }

    public bool ApprovalRequired { get; private set; }

    public bool WaitlistEnabled { get; private set; }

    public TimeSpan HoldDuration { get; private set; }

    /// <summary>Null for a free event.</summary>
    public Money? Price { get; private set; }

    /// <summary>The VAT included in the price, in basis points (2000 = 20 %).</summary>
    public int VatRateBasisPoints { get; private set; }

    public DateTimeOffset? RegistrationOpens { get; private set; }

    public DateTimeOffset? RegistrationCloses { get; private set; }

    public EventRegistrationStatus Status { get; private set; }

    public bool IsFree => Price is null;

    public static CapacityPolicy For(Guid eventId, PolicyTerms terms)
    {
        var policy = new CapacityPolicy { EventId = eventId };
        policy.Apply(terms);
        return policy;
    }

    /// <summary>Catalog changed the event; capacity changes are applied to the seat ledger by the caller.</summary>
    public void Apply(PolicyTerms terms)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(terms.Capacity);
        OwnerId = terms.OwnerId;
        OrganizerId = terms.OrganizerId;
        RefundPolicy = terms.RefundPolicy;
        RefundDeadline = terms.RefundDeadline;
        LateRefundPercent = terms.LateRefundPercent;
        Capacity = terms.Capacity;
        ApprovalRequired = terms.ApprovalRequired;
        WaitlistEnabled = terms.WaitlistEnabled;
        HoldDuration = terms.HoldDuration ?? DefaultHoldDuration;
        Price = terms.Price is { AmountMinor: > 0 } price ? price : null;
        VatRateBasisPoints = terms.VatRateBasisPoints;
        RegistrationOpens = terms.RegistrationOpens;
        RegistrationCloses = terms.RegistrationCloses;
        Status = terms.Status;
    }

    public void CloseRegistrations()
    {
        if (Status == EventRegistrationStatus.Open)
        {
            Status = EventRegistrationStatus.Closed;
        }
    }

    public void CancelEvent() => Status = EventRegistrationStatus.Cancelled;

    /// <summary>
    /// What a cancellation of a paid registration gives back of what is left of <paramref name="paid"/>: all of it when
    /// the organizer cancels (the registration or the event); for the attendee, what the refund policy grants now,
    /// less what was refunded already.
    /// </summary>
    public Money? RefundFor(bool byOrganizer, Money paid, long alreadyRefundedMinor, DateTimeOffset now)
    {
        var beforeDeadline = RefundDeadline is null || now < RefundDeadline;
        var grantedMinor = byOrganizer ? paid.AmountMinor : RefundPolicy switch
        {
            RefundPolicy.FullUntilDeadline when beforeDeadline => paid.AmountMinor,
            RefundPolicy.PartialAfterDeadline when beforeDeadline => paid.AmountMinor,
            // Rounded down: the attendee never gets more than the terms say.
            RefundPolicy.PartialAfterDeadline => paid.AmountMinor * LateRefundPercent / 100,
            _ => 0,
        };
        var dueMinor = grantedMinor - alreadyRefundedMinor;
        return dueMinor > 0 ? paid with { AmountMinor = dueMinor } : null;
    }

    public bool AcceptsRegistrationsAt(DateTimeOffset now) =>
        Status == EventRegistrationStatus.Open
        && (RegistrationOpens is null || now >= RegistrationOpens)
        && (RegistrationCloses is null || now < RegistrationCloses);
}

public sealed record Money(long AmountMinor, string Currency);

public sealed record PolicyTerms(
    string OwnerId,
    int Capacity,
    bool ApprovalRequired,
    bool WaitlistEnabled,
    Money? Price,
    DateTimeOffset? RegistrationOpens,
    DateTimeOffset? RegistrationCloses,
    EventRegistrationStatus Status,
    TimeSpan? HoldDuration = null,
    string OrganizerId = "",
    RefundPolicy RefundPolicy = RefundPolicy.None,
    DateTimeOffset? RefundDeadline = null,
    int LateRefundPercent = 0,
    int VatRateBasisPoints = 0);
