using EventPlatform.Payment.Application.Ports;
using Microsoft.Extensions.Options;
using Stripe;

namespace EventPlatform.Payment.Infrastructure.Providers;

/// <summary>Stripe's signature checked by Stripe.net's own EventUtility: the secret, the body as sent, and the timestamp's age.</summary>
internal sealed class StripeWebhooks(IOptions<StripeOptions> options, TimeProvider clock) : IProviderWebhooks
{
    public ProviderNotification? Verify(string body, string? signature, out string? refusal)
    {
        if (string.IsNullOrEmpty(signature))
        {
            refusal = "The Stripe-Signature header is missing.";
            return null;
        }

        try
        {
            var stripeEvent = EventUtility.ConstructEvent(
                body, signature, options.Value.WebhookSecret, (long)options.Value.WebhookTolerance.TotalSeconds,
                clock.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
            refusal = null;
            return new ProviderNotification(stripeEvent.Id, stripeEvent.Type, (stripeEvent.Data?.Object as IHasId)?.Id ?? "");
        }
        catch (StripeException e)
        {
            refusal = e.Message;
            return null;
        }
        catch (Newtonsoft.Json.JsonException)
        {
            refusal = "The body is not a Stripe event.";
            return null;
        }
    }
}
