using Stripe;

namespace EventPlatform.StripeSandbox;

/// <summary>The sandbox's objects in Stripe's own JSON, written by Stripe.net's models so the client reads them as it reads Stripe.</summary>
public static class StripeJson
{
    public static Stripe.PaymentIntent PaymentIntent(SandboxPaymentIntent pi, bool expandCharge)
    {
        var model = new Stripe.PaymentIntent
        {
            Id = pi.Id,
            Object = "payment_intent",
            Amount = pi.Amount,
            AmountReceived = pi.Status == "succeeded" ? pi.Amount : 0,
            Currency = pi.Currency,
            Description = pi.Description,
            ReceiptEmail = pi.ReceiptEmail,
            Metadata = new Dictionary<string, string>(pi.Metadata),
            ClientSecret = pi.ClientSecret,
            Created = pi.Created.UtcDateTime,
            Status = pi.Status,
            Livemode = false,
            CaptureMethod = "automatic",
            ConfirmationMethod = "automatic",
            PaymentMethodTypes = ["card"],
            CanceledAt = pi.CanceledAt?.UtcDateTime,
            CancellationReason = pi.CancellationReason,
        };
        if (pi.LatestCharge is { } charge)
        {
            if (expandCharge)
            {
                model.LatestCharge = Charge(charge);
            }
            else
            {
                model.LatestChargeId = charge.Id;
            }
        }

        if (pi.LastPaymentError is var (code, declineCode, message))
        {
            model.LastPaymentError = new StripeError { Type = "card_error", Code = code, DeclineCode = declineCode, Message = message };
        }

        if (pi.Status == "requires_action")
        {
            model.NextAction = new PaymentIntentNextAction
            {
                Type = "redirect_to_url",
                RedirectToUrl = new PaymentIntentNextActionRedirectToUrl { Url = pi.AuthenticationUrl, ReturnUrl = pi.ReturnUrl },
            };
        }

        return model;
    }

    public static Charge Charge(SandboxCharge charge) => new()
    {
        Id = charge.Id,
        Object = "charge",
        Amount = charge.Amount,
        AmountCaptured = charge.Paid ? charge.Amount : 0,
        AmountRefunded = charge.AmountRefunded,
        Refunded = charge.AmountRefunded >= charge.Amount,
        Currency = charge.Currency,
        Paid = charge.Paid,
        Captured = charge.Paid,
        Status = charge.Paid ? "succeeded" : "failed",
        FailureCode = charge.FailureCode,
        FailureMessage = charge.FailureMessage,
        Outcome = new ChargeOutcome
        {
            Type = charge.Paid ? "authorized" : "issuer_declined",
            NetworkStatus = charge.Paid ? "approved_by_network" : "declined_by_network",
            Reason = charge.Paid ? null : charge.Card.DeclineCode,
            SellerMessage = charge.Paid ? "Payment complete." : "The bank did not return any further details with this decline.",
        },
        PaymentIntentId = charge.PaymentIntent,
        Created = charge.Created.UtcDateTime,
        Livemode = false,
        PaymentMethodDetails = new ChargePaymentMethodDetails
        {
            Type = "card",
            Card = new ChargePaymentMethodDetailsCard { Brand = charge.Card.Brand, Last4 = charge.Card.Last4, ExpMonth = 12, ExpYear = 2034 },
        },
    };

    public static Refund Refund(SandboxRefund refund) => new()
    {
        Id = refund.Id,
        Object = "refund",
        Amount = refund.Amount,
        Currency = refund.Currency,
        PaymentIntentId = refund.PaymentIntent,
        ChargeId = refund.Charge,
        Status = "succeeded",
        Reason = refund.Reason,
        Metadata = new Dictionary<string, string>(refund.Metadata),
        Created = refund.Created.UtcDateTime,
    };

    /// <summary>An event as Stripe sends it to webhook endpoints, at the API version Stripe.net expects.</summary>
    public static Event Event(string type, IHasObject data, string? requestIdempotencyKey) => new()
    {
        Id = SandboxStore.NewId("evt"),
        Object = "event",
        ApiVersion = StripeConfiguration.ApiVersion,
        Created = DateTime.UtcNow,
        Type = type,
        Livemode = false,
        PendingWebhooks = 1,
        Data = new EventData { Object = data },
        Request = new EventRequest { Id = SandboxStore.NewId("req"), IdempotencyKey = requestIdempotencyKey },
    };
}
