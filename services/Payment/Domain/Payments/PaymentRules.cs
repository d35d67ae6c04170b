using EventPlatform.Domain;
using EventPlatform.Payment.Domain.Refunds;

namespace EventPlatform.Payment.Domain.Payments;

/// <summary>Nothing is owed: the registration is free, not pending, or its payment intent is closed or lapsed.</summary>
public sealed class NoPaymentDueRule(string why) : IBusinessRule
{
    public string Message => why;

    public bool IsBroken() => true;
}

public sealed class PaymentMustStillBeDueRule(PaymentIntent intent, DateTimeOffset now) : IBusinessRule
{
    public string Message => intent.IsOpen
        ? "The payment deadline has passed: the seat is no longer held."
        : $"This payment is {intent.Status.ToString().ToLowerInvariant()}: there is nothing left to pay.";

    public bool IsBroken() => !intent.IsOpen || now >= intent.ExpireTime;

    public string Name => "NoPaymentDue";
}

public sealed class OnlySucceededPaymentsAreRefundedRule(PaymentIntentStatus status) : IBusinessRule
{
    public string Message => $"Only a succeeded payment is refunded; this one is {status.ToString().ToLowerInvariant()}.";

    public bool IsBroken() => status != PaymentIntentStatus.Succeeded;
}

public sealed class RefundMustNotExceedWhatIsLeftRule(long amountMinor, long refundableMinor, string currency) : IBusinessRule
{
    public string Message => amountMinor <= 0
        ? "A refund is a positive amount."
        : $"At most {refundableMinor / 100m:0.00} {currency} of this payment can still be refunded.";

    public bool IsBroken() => amountMinor <= 0 || amountMinor > refundableMinor;
}
