namespace EventPlatform.Payment.Infrastructure.Providers;

/// <summary>The "Stripe" configuration section. Secrets come from configuration only (the AppHost's parameters locally).</summary>
public sealed class StripeOptions
{
    public const string Section = "Stripe";

    /// <summary>Stripe's API, or the local sandbox that stands in for it.</summary>
    public string ApiBase { get; set; } = "https://api.stripe.com";

    /// <summary>The secret API key (sk_…).</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The webhook endpoint's signing secret (whsec_…).</summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>A webhook signed longer ago than this is refused (replay protection); Stripe's own default is 5 minutes.</summary>
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries of a call that met a rate limit, a 5xx or no answer, with the same idempotency key.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First delay between retries; it grows exponentially, with jitter, or follows Retry-After.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
