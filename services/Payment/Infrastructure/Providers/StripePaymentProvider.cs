using EventPlatform.Domain;
using EventPlatform.Payment.Application.Ports;
using EventPlatform.Payment.Domain.Payments;
using Stripe;
using DomainMoney = EventPlatform.Payment.Domain.Payments.Money;

namespace EventPlatform.Payment.Infrastructure.Providers;

/// <summary>
/// Stripe through Stripe.net. Calls go through an HttpClient whose resilience handler retries rate limits, 5xx and
/// lost answers with backoff, re-sending the same Idempotency-Key, so Stripe answers a retry with the first result
/// and nothing is charged or refunded twice. An outage that outlasts the retries is UNAVAILABLE to our callers.
/// </summary>
internal sealed class StripePaymentProvider(StripeClient client) : IPaymentProvider
{
    private static readonly string[] ExpandCharge = ["latest_charge"];

    private readonly PaymentIntentService _intents = new(client);
    private readonly RefundService _refunds = new(client);

    public string Name => "stripe";

    public Task<ProviderPayment> CreatePaymentAsync(ProviderPaymentRequest request, CancellationToken cancellationToken) =>
        CallAsync(async () => ToProvider(await _intents.CreateAsync(
            new PaymentIntentCreateOptions
            {
                Amount = request.Amount.AmountMinor,
                Currency = request.Amount.Currency.ToLowerInvariant(),
                Description = request.Description,
                ReceiptEmail = request.ReceiptEmail.Length > 0 ? request.ReceiptEmail : null,
                Metadata = new Dictionary<string, string>(request.Metadata),
                Expand = [.. ExpandCharge],
            },
            new RequestOptions { IdempotencyKey = request.Reference },
            cancellationToken)));

    public Task<ProviderPayment> GetPaymentAsync(string providerPaymentId, CancellationToken cancellationToken) =>
        CallAsync(async () => ToProvider(await _intents.GetAsync(
            providerPaymentId, new PaymentIntentGetOptions { Expand = [.. ExpandCharge] }, cancellationToken: cancellationToken)));

    public Task<ProviderPayment> ConfirmPaymentAsync(
        string providerPaymentId, string paymentMethod, string? returnUrl, string idempotencyKey, CancellationToken cancellationToken) =>
        CallAsync(async () =>
        {
            try
            {
                return ToProvider(await _intents.ConfirmAsync(
                    providerPaymentId,
                    new PaymentIntentConfirmOptions { PaymentMethod = paymentMethod, ReturnUrl = returnUrl, Expand = [.. ExpandCharge] },
                    new RequestOptions { IdempotencyKey = idempotencyKey },
                    cancellationToken));
            }
            catch (StripeException e) when (e.StripeError?.Type == "card_error")
            {
                // A decline is an answer, not a failure: the payment now shows the failed charge and waits for another card.
                return ToProvider(await _intents.GetAsync(
                    providerPaymentId, new PaymentIntentGetOptions { Expand = [.. ExpandCharge] }, cancellationToken: cancellationToken));
            }
        });

    public Task<ProviderPayment> CancelPaymentAsync(string providerPaymentId, CancellationToken cancellationToken) =>
        CallAsync(async () => ToProvider(await _intents.CancelAsync(
            providerPaymentId,
            new PaymentIntentCancelOptions { CancellationReason = "abandoned", Expand = [.. ExpandCharge] },
            new RequestOptions { IdempotencyKey = $"{providerPaymentId}:cancel" },
            cancellationToken)));

    public Task<ProviderRefund> CreateRefundAsync(
        string providerPaymentId, DomainMoney amount, string idempotencyKey, IReadOnlyDictionary<string, string> metadata,
        CancellationToken cancellationToken) =>
        CallAsync(async () => ToProvider(await _refunds.CreateAsync(
            new RefundCreateOptions
            {
                PaymentIntent = providerPaymentId,
                Amount = amount.AmountMinor,
                Reason = "requested_by_customer",
                Metadata = new Dictionary<string, string>(metadata),
            },
            new RequestOptions { IdempotencyKey = idempotencyKey },
            cancellationToken)));

    public Task<ProviderRefund> GetRefundAsync(string providerRefundId, CancellationToken cancellationToken) =>
        CallAsync(async () => ToProvider(await _refunds.GetAsync(providerRefundId, cancellationToken: cancellationToken)));

    /// <summary>Stripe's failures in payment's terms: an outage is UNAVAILABLE (retry later), a refusal is final.</summary>
    private static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (StripeException e) when ((int)e.HttpStatusCode is 429 or >= 500 or 401 or 403)
        {
            // 401/403: our key is wrong or revoked — a configuration to fix, after which everything pending goes through.
            throw new UnavailableException($"The payment provider cannot take the request now ({(int)e.HttpStatusCode}).", e);
        }
        catch (StripeException e)
        {
            throw new ProviderRejectedException(e.StripeError?.Code ?? e.StripeError?.Type ?? "invalid_request", e.StripeError?.Message ?? e.Message);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or Polly.CircuitBreaker.BrokenCircuitException
            or Polly.Timeout.TimeoutRejectedException or TaskCanceledException { CancellationToken.IsCancellationRequested: false })
        {
            throw new UnavailableException("The payment provider does not answer.", e);
        }
    }

    private static ProviderPayment ToProvider(Stripe.PaymentIntent pi) => new(
        pi.Id,
        pi.Metadata?.GetValueOrDefault("payment_intent_id"),
        pi.ClientSecret ?? "",
        pi.Status switch
        {
            "succeeded" => ProviderPaymentStatus.Succeeded,
            "requires_action" => ProviderPaymentStatus.RequiresAction,
            "processing" or "requires_capture" => ProviderPaymentStatus.Processing,
            "canceled" => ProviderPaymentStatus.Canceled,
            _ => ProviderPaymentStatus.RequiresPaymentMethod,
        },
        pi.LatestCharge is { } charge ? ToProvider(charge) : null,
        pi.LastPaymentError?.DeclineCode ?? pi.LastPaymentError?.Code,
        pi.LastPaymentError?.Message,
        pi.NextAction?.RedirectToUrl?.Url);

    private static ProviderCharge ToProvider(Stripe.Charge charge) => new(
        charge.Id,
        charge.Status == "succeeded" && charge.Paid,
        charge.PaymentMethodDetails?.Card is { } card ? $"{Capitalized(card.Brand)} •••• {card.Last4}" : charge.PaymentMethodDetails?.Type ?? "",
        charge.Outcome?.Reason ?? charge.FailureCode,
        charge.FailureMessage);

    private static ProviderRefund ToProvider(Stripe.Refund refund) => new(
        refund.Id,
        refund.Status switch
        {
            "succeeded" => ProviderRefundStatus.Succeeded,
            "failed" or "canceled" => ProviderRefundStatus.Failed,
            _ => ProviderRefundStatus.Pending,
        },
        refund.FailureReason);

    private static string Capitalized(string? brand) =>
        string.IsNullOrEmpty(brand) ? "Card" : char.ToUpperInvariant(brand[0]) + brand[1..];
}
