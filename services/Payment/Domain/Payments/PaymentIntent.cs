using EventPlatform.Domain;
using EventPlatform.Payment.Domain.Refunds;

namespace EventPlatform.Payment.Domain.Payments;

/// <summary>
/// What one registration owes and how paying it goes. The provider's word is taken as it is read from the provider,
/// never from a webhook's body, and the aggregate only moves forward: a stale or repeated report changes nothing,
/// and a payment that succeeded stays succeeded. Money arriving after the intent was cancelled still counts — it is
/// reported as succeeded, and registration decides whether it confirms or is refunded.
/// </summary>
public sealed class PaymentIntent : AggregateRoot
{
    /// <summary>Declined attempts after which the intent fails for good and the seat goes back.</summary>
    public const int MaxDeclinedAttempts = 3;

    private readonly List<Charge> _charges = [];

    private PaymentIntent()
    {
    }

    public PaymentIntentId Id { get; private set; }

    public Guid RegistrationId => Id.Value;

    public Guid EventId { get; private set; }

    public string OrganizerId { get; private set; } = "";

    /// <summary>The paying attendee's identity.</summary>
    public string AttendeeId { get; private set; } = "";

    public string AttendeeEmail { get; private set; } = "";

    public Money Amount { get; private set; } = null!;

    public string Description { get; private set; } = "";

    public PaymentIntentStatus Status { get; private set; }

    public string? Provider { get; private set; }

    public string? ProviderPaymentId { get; private set; }

    public string? ClientSecret { get; private set; }

    /// <summary>Where the attendee completes a step the bank asks for (bank authentication).</summary>
    public string? NextActionUrl { get; private set; }

    /// <summary>The registration's payment deadline: no payment is taken after it.</summary>
    public DateTimeOffset ExpireTime { get; private set; }

    public IReadOnlyList<Charge> Charges => _charges;

    public int DeclinedAttempts { get; private set; }

    /// <summary>Closed here while the provider's payment may still be paid: it is to be cancelled at the provider.</summary>
    public bool ProviderCancellationDue { get; private set; }

    public string? FailureCode { get; private set; }

    public string? FailureMessage { get; private set; }

    /// <summary>Sum of the refunds asked for and not failed: what can no longer be refunded again.</summary>
    public long RefundsRequestedMinor { get; private set; }

    /// <summary>Sum of the refunds the provider completed.</summary>
    public long RefundedMinor { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    public DateTimeOffset UpdateTime { get; private set; }

    public DateTimeOffset? SucceedTime { get; private set; }

    public bool IsOpen => Status is PaymentIntentStatus.RequiresPayment or PaymentIntentStatus.Processing;

    public long RefundableMinor => Status == PaymentIntentStatus.Succeeded ? Amount.AmountMinor - RefundsRequestedMinor : 0;

    public static PaymentIntent Open(
        Guid registrationId, Guid eventId, string organizerId, string attendeeId, string attendeeEmail,
        Money amount, string description, DateTimeOffset expireTime, DateTimeOffset now) => new()
        {
            Id = PaymentIntentId.OfRegistration(registrationId),
            EventId = eventId,
            OrganizerId = organizerId,
            AttendeeId = attendeeId,
            AttendeeEmail = attendeeEmail,
            Amount = amount,
            Description = description,
            Status = PaymentIntentStatus.RequiresPayment,
            ExpireTime = expireTime,
            CreateTime = now,
            UpdateTime = now,
        };

    /// <summary>Checks the attendee may still pay now (before the deadline, while the intent is open).</summary>
    public void EnsurePayable(DateTimeOffset now) => BusinessRule.Check(new PaymentMustStillBeDueRule(this, now));

    /// <summary>
    /// Takes the provider's current view of this intent's payment; returns whether anything changed. A payment the
    /// provider made for this intent but that was never recorded here (a crash after the provider answered) is
    /// recorded now, whatever its state.
    /// </summary>
    public bool Apply(string provider, ProviderPayment payment, DateTimeOffset now)
    {
        var changed = false;
        if (ProviderPaymentId is null && payment.Reference == Id.ToString())
        {
            Provider = provider;
            ProviderPaymentId = payment.ProviderPaymentId;
            ClientSecret = payment.ClientSecret;
            // Recorded after this intent closed: the provider's payment must not stay payable.
            ProviderCancellationDue = Status is PaymentIntentStatus.Cancelled or PaymentIntentStatus.Failed
                && payment.Status is not (ProviderPaymentStatus.Succeeded or ProviderPaymentStatus.Canceled);
            changed = true;
        }

        if (payment.ProviderPaymentId != ProviderPaymentId || Status == PaymentIntentStatus.Succeeded)
        {
            return changed;
        }

        changed |= RecordCharge(payment.LatestCharge, now);
        switch (payment.Status)
        {
            case ProviderPaymentStatus.Succeeded:
                Succeed(now);
                return true;
            case ProviderPaymentStatus.RequiresAction or ProviderPaymentStatus.Processing when IsOpen:
                changed |= Status != PaymentIntentStatus.Processing || NextActionUrl != payment.NextActionUrl;
                Status = PaymentIntentStatus.Processing;
                NextActionUrl = payment.NextActionUrl;
                break;
            case ProviderPaymentStatus.RequiresPaymentMethod when IsOpen:
                changed |= Status != PaymentIntentStatus.RequiresPayment;
                Status = PaymentIntentStatus.RequiresPayment;
                NextActionUrl = null;
                FailureCode = payment.FailureCode ?? FailureCode;
                FailureMessage = payment.FailureMessage ?? FailureMessage;
                if (DeclinedAttempts >= MaxDeclinedAttempts)
                {
                    Fail(now);
                    return true;
                }

                break;
            case ProviderPaymentStatus.Canceled when IsOpen:
                // Cancelled at the provider, not by us: the payment ended unpaid.
                FailureCode ??= "canceled";
                FailureMessage ??= "The payment provider cancelled the payment.";
                Fail(now);
                ProviderCancellationDue = false;
                return true;
        }

        if (changed)
        {
            UpdateTime = now;
        }

        return changed;
    }

    /// <summary>The registration no longer owes it (hold lapsed, cancelled before paying). False when already closed.</summary>
    public bool Cancel(string reason, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return false;
        }

        Status = PaymentIntentStatus.Cancelled;
        FailureMessage = reason;
        NextActionUrl = null;
        UpdateTime = now;
        ProviderCancellationDue = ProviderPaymentId is not null;
        return true;
    }

    /// <summary>The provider's payment can no longer be paid (cancelled there, or it ended otherwise).</summary>
    public void ProviderCancelled(DateTimeOffset now)
    {
        ProviderCancellationDue = false;
        UpdateTime = now;
    }

    /// <summary>
    /// A refund of <paramref name="amountMinor"/> (null: all that is left) for <paramref name="reason"/>; it counts
    /// against what can be refunded from now on, and is given back if the provider refuses it.
    /// </summary>
    public Refund RequestRefund(RefundId id, long? amountMinor, RefundReason reason, string note, DateTimeOffset now)
    {
        BusinessRule.Check(new OnlySucceededPaymentsAreRefundedRule(Status));
        var amount = amountMinor ?? RefundableMinor;
        BusinessRule.Check(new RefundMustNotExceedWhatIsLeftRule(amount, RefundableMinor, Amount.Currency));
        RefundsRequestedMinor += amount;
        UpdateTime = now;
        return Refund.Request(id, this, Amount.With(amount), reason, note, now);
    }

    public void RefundCompleted(Refund refund, DateTimeOffset now)
    {
        RefundedMinor += refund.Amount.AmountMinor;
        UpdateTime = now;
    }

    public void RefundFailed(Refund refund, DateTimeOffset now)
    {
        RefundsRequestedMinor -= refund.Amount.AmountMinor;
        UpdateTime = now;
    }

    private bool RecordCharge(ProviderCharge? charge, DateTimeOffset now)
    {
        if (charge is null || _charges.Any(c => c.ProviderChargeId == charge.ProviderChargeId))
        {
            return false;
        }

        _charges.Add(Charge.Of(charge, now));
        if (!charge.Succeeded)
        {
            DeclinedAttempts++;
            FailureCode = charge.FailureCode;
            FailureMessage = charge.FailureMessage;
        }

        return true;
    }

    private void Succeed(DateTimeOffset now)
    {
        Status = PaymentIntentStatus.Succeeded;
        ProviderCancellationDue = false;
        SucceedTime = now;
        UpdateTime = now;
        NextActionUrl = null;
        FailureCode = null;
        FailureMessage = null;
        var charge = _charges.LastOrDefault(c => c.Succeeded)
            ?? throw new InvalidOperationException("The provider reported a success without a successful charge.");
        Raise(new PaymentSucceeded(this, charge));
    }

    private void Fail(DateTimeOffset now)
    {
        Status = PaymentIntentStatus.Failed;
        NextActionUrl = null;
        ProviderCancellationDue = ProviderPaymentId is not null;
        UpdateTime = now;
        Raise(new PaymentFailed(this));
    }
}
