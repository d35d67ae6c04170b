using EventPlatform.Payment.Domain.Payments;

namespace EventPlatform.Payment.Application.Ports;

/// <summary>
/// What payment asks for when it creates a payment at the provider. <paramref name="Reference"/> (our payment intent's
/// id) is also the idempotency key: one provider payment per intent, however often creation is retried.
/// </summary>
public sealed record ProviderPaymentRequest(
    string Reference, Money Amount, string Description, string ReceiptEmail, IReadOnlyDictionary<string, string> Metadata);

public enum ProviderRefundStatus
{
    Pending,
    Succeeded,
    Failed,
}

/// <summary>The provider's view of a refund, read from it.</summary>
public sealed record ProviderRefund(string ProviderRefundId, ProviderRefundStatus Status, string? FailureMessage);

/// <summary>
/// The payment provider at its wire boundary. Every call that creates something carries an idempotency key, so a call
/// repeated after a timeout or a crash never charges or refunds twice.
/// </summary>
public interface IPaymentProvider
{
    /// <summary>Its name on payments and in logs ("stripe").</summary>
    string Name { get; }

    Task<ProviderPayment> CreatePaymentAsync(ProviderPaymentRequest request, CancellationToken cancellationToken);

    Task<ProviderPayment> GetPaymentAsync(string providerPaymentId, CancellationToken cancellationToken);

    /// <summary>
    /// Pays with a payment method (test mode). A declined card is not a failure of the call: the answer says so (a
    /// failed charge, waiting for another payment method).
    /// </summary>
    Task<ProviderPayment> ConfirmPaymentAsync(
        string providerPaymentId, string paymentMethod, string? returnUrl, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Stops a payment that is not taken yet; the answer is the provider's state after it (it may have succeeded meanwhile).</summary>
    Task<ProviderPayment> CancelPaymentAsync(string providerPaymentId, CancellationToken cancellationToken);

    Task<ProviderRefund> CreateRefundAsync(
        string providerPaymentId, Money amount, string idempotencyKey, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken);

    Task<ProviderRefund> GetRefundAsync(string providerRefundId, CancellationToken cancellationToken);
}

/// <summary>The provider refused the request for good (not a decline, not an outage): e.g. a payment in a state that cannot do this.</summary>
public sealed class ProviderRejectedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
