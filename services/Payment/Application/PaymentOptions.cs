namespace EventPlatform.Payment.Application;

public sealed class PaymentOptions
{
    /// <summary>
    /// Where the checkout page is served (the BFF's public address); a payment intent's checkout_url is
    /// {CheckoutBaseUrl}/checkout/{id}. Empty: a link relative to the BFF.
    /// </summary>
    public string CheckoutBaseUrl { get; set; } = "";

    /// <summary>How often pending provider work (webhooks to act on, refunds to hand over, payments to cancel) is looked for when nothing signals it.</summary>
    public TimeSpan ProviderWorkInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the provider is asked about payments and refunds that went quiet, and lapsed payments are cancelled.</summary>
    public TimeSpan ReconciliationInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An open payment or pending refund not updated for this long is read again from the provider.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(1);
}
