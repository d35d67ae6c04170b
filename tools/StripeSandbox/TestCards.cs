namespace EventPlatform.StripeSandbox;

/// <summary>What a test payment method does when a payment is confirmed with it, as in Stripe's test mode.</summary>
public sealed record TestCard(string Brand, string Last4, string? DeclineCode, string? DeclineMessage, bool RequiresAuthentication)
{
    /// <summary>Stripe's test payment methods (https://docs.stripe.com/testing), by the ids Stripe gives them.</summary>
    public static readonly IReadOnlyDictionary<string, TestCard> ByPaymentMethod = new Dictionary<string, TestCard>
    {
        ["pm_card_visa"] = new("visa", "4242", null, null, false),
        ["pm_card_mastercard"] = new("mastercard", "4444", null, null, false),
        ["pm_card_chargeDeclined"] = new("visa", "0002", "generic_decline", "Your card was declined.", false),
        ["pm_card_chargeDeclinedInsufficientFunds"] = new("visa", "9995", "insufficient_funds", "Your card has insufficient funds.", false),
        ["pm_card_authenticationRequired"] = new("visa", "3155", null, null, true),
    };

    public bool Declines => DeclineCode is not null;
}
