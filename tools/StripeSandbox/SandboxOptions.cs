namespace EventPlatform.StripeSandbox;

public sealed class SandboxOptions
{
    /// <summary>The secret key callers must present (Authorization: Bearer), as Stripe checks it.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Signs webhooks (whsec_…); the receiving endpoint verifies them with the same secret.</summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>Where webhooks are delivered (the platform's /payments/webhooks/stripe); none: not delivered.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Each event is delivered this many times (Stripe may deliver one more than once).</summary>
    public int WebhookCopies { get; set; } = 1;

    /// <summary>Events waiting together are delivered in shuffled order (Stripe does not guarantee order).</summary>
    public bool ShuffleWebhooks { get; set; }

    /// <summary>First delay before a failed delivery is tried again; it doubles up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one delivery attempt may take; an attempt that outlasts it is tried again.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
