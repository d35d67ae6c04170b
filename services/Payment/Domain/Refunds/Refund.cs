using EventPlatform.Domain;
using EventPlatform.Payment.Domain.Payments;

namespace EventPlatform.Payment.Domain.Refunds;

public enum RefundReason
{
    AttendeeCancelled = 1,

    /// <summary>The organizer cancelled the registration: always a full refund.</summary>
    OrganizerCancelled = 2,

    EventCancelled = 3,

    /// <summary>The payment succeeded after its registration had expired and no seat was left.</summary>
    LatePayment = 4,

    /// <summary>An organizer's decision (goodwill, partial refund).</summary>
    OrganizerDecision = 5,
}

public enum RefundStatus
{
    /// <summary>Recorded; handed to the provider (again, with the same idempotency key) until it answers.</summary>
    Pending = 1,

    Succeeded = 2,

    Failed = 3,
}

/// <summary>Money given back on a succeeded payment: recorded first, then handed to the provider, once.</summary>
public sealed class Refund : AggregateRoot
{
    private Refund()
    {
    }

    public RefundId Id { get; private set; }

    public PaymentIntentId PaymentIntentId { get; private set; }

    public Guid RegistrationId { get; private set; }

    public Guid EventId { get; private set; }

    public string OrganizerId { get; private set; } = "";

    public string AttendeeId { get; private set; } = "";

    public Money Amount { get; private set; } = null!;

    public RefundReason Reason { get; private set; }

    public string Note { get; private set; } = "";

    public RefundStatus Status { get; private set; }

    public string? ProviderRefundId { get; private set; }

    public string? FailureMessage { get; private set; }

    /// <summary>Whether this refund left nothing of the payment unrefunded.</summary>
    public bool FullRefund { get; private set; }

    public int SubmitAttempts { get; private set; }

    /// <summary>Not handed to the provider before this instant (after a failed attempt).</summary>
    public DateTimeOffset NextAttemptTime { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    public DateTimeOffset? CompleteTime { get; private set; }

    internal static Refund Request(RefundId id, PaymentIntent intent, Money amount, RefundReason reason, string note, DateTimeOffset now)
    {
        BusinessRule.Check(new RefundNoteMustFitRule(note));
        return new Refund
        {
            Id = id,
            PaymentIntentId = intent.Id,
            RegistrationId = intent.RegistrationId,
            EventId = intent.EventId,
            OrganizerId = intent.OrganizerId,
            AttendeeId = intent.AttendeeId,
            Amount = amount,
            Reason = reason,
            Note = note.Trim(),
            Status = RefundStatus.Pending,
            FullRefund = intent.RefundableMinor == 0,
            CreateTime = now,
            NextAttemptTime = now,
        };
    }

    /// <summary>Handed to the provider, which gave it this id; it completes now or later.</summary>
    public bool IsSubmitted => ProviderRefundId is not null;

    /// <summary>The provider could not be reached: it is handed over again after a growing delay (at most 10 minutes).</summary>
    public void SubmissionFailed(DateTimeOffset now)
    {
        SubmitAttempts++;
        NextAttemptTime = now + TimeSpan.FromSeconds(Math.Min(600, Math.Pow(2, Math.Min(SubmitAttempts, 10))));
    }

    /// <summary>The provider took it and gave it an id. Returns whether it changed.</summary>
    public bool Submitted(string providerRefundId)
    {
        if (ProviderRefundId is not null || Status != RefundStatus.Pending)
        {
            return false;
        }

        SubmitAttempts++;
        ProviderRefundId = providerRefundId;
        return true;
    }

    /// <summary>The provider says the money went back. Returns whether it changed.</summary>
    public bool Complete(PaymentIntent intent, DateTimeOffset now)
    {
        if (Status != RefundStatus.Pending)
        {
            return false;
        }

        Status = RefundStatus.Succeeded;
        CompleteTime = now;
        intent.RefundCompleted(this, now);
        Raise(new RefundCompleted(this));
        return true;
    }

    /// <summary>The provider refused it for good: what it held back can be refunded again. Returns whether it changed.</summary>
    public bool Fail(string message, PaymentIntent intent, DateTimeOffset now)
    {
        if (Status != RefundStatus.Pending)
        {
            return false;
        }

        Status = RefundStatus.Failed;
        FailureMessage = message.Length > 1000 ? message[..1000] : message;
        CompleteTime = now;
        intent.RefundFailed(this, now);
        return true;
    }
}

/// <summary>The provider completed the refund.</summary>
public sealed record RefundCompleted(Refund Refund) : IDomainEvent;

public sealed class RefundNoteMustFitRule(string note) : IFieldRule
{
    public const int MaxLength = 1000;

    public string Field => "Note";

    public string Message => $"A refund note is at most {MaxLength} characters.";

    public bool IsBroken() => note.Length > MaxLength;
}
