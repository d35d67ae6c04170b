using EventPlatform.Domain;

namespace EventPlatform.Payment.Domain.Payments;

/// <summary>The money was taken.</summary>
public sealed record PaymentSucceeded(PaymentIntent Intent, Charge Charge) : IDomainEvent;

/// <summary>The payment ended unpaid for good.</summary>
public sealed record PaymentFailed(PaymentIntent Intent) : IDomainEvent;
