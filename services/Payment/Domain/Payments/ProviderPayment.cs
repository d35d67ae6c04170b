namespace EventPlatform.Payment.Domain.Payments;

/// <summary>Where the provider says a payment stands, in the provider-neutral words the aggregate judges.</summary>
public enum ProviderPaymentStatus
{
    RequiresPaymentMethod,
    RequiresAction,
    Processing,
    Succeeded,
    Canceled,
}

/// <summary>One attempt to take the money, as the provider reports it.</summary>
public sealed record ProviderCharge(string ProviderChargeId, bool Succeeded, string PaymentMethod, string? FailureCode, string? FailureMessage);

/// <summary>
/// The provider's view of a payment, read from it (never taken from a webhook's body). <paramref name="Reference"/> is
/// the payment intent it was created for (its metadata), so a payment whose creation we never recorded (a crash right
/// after the provider's answer) is still recognised.
/// </summary>
public sealed record ProviderPayment(
    string ProviderPaymentId,
    string? Reference,
    string ClientSecret,
    ProviderPaymentStatus Status,
    ProviderCharge? LatestCharge,
    string? FailureCode,
    string? FailureMessage,
    string? NextActionUrl);
