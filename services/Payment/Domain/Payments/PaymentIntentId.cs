using EventPlatform.Domain;

namespace EventPlatform.Payment.Domain.Payments;

/// <summary>A registration has at most one payment intent, and it carries the registration's id.</summary>
public readonly record struct PaymentIntentId(Guid Value) : ITypedId<PaymentIntentId>
{
    public static PaymentIntentId From(Guid value) => new(value);

    public static PaymentIntentId OfRegistration(Guid registrationId) => new(registrationId);

    public override string ToString() => Value.ToString();
}
