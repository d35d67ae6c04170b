using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace EventPlatform.StripeSandbox;

/// <summary>One payment intent as the sandbox keeps it.</summary>
public sealed class SandboxPaymentIntent
{
    public required string Id { get; init; }

    public required long Amount { get; init; }

    public required string Currency { get; init; }

    public string? Description { get; init; }

    public string? ReceiptEmail { get; init; }

    public Dictionary<string, string> Metadata { get; init; } = [];

    public required string ClientSecret { get; init; }

    public required DateTimeOffset Created { get; init; }

    /// <summary>Stripe's statuses: requires_payment_method, requires_action, processing, succeeded, canceled.</summary>
    public string Status { get; set; } = "requires_payment_method";

    public SandboxCharge? LatestCharge { get; set; }

    public (string Code, string? DeclineCode, string Message)? LastPaymentError { get; set; }

    public string? PendingPaymentMethod { get; set; }

    public string? ReturnUrl { get; set; }

    /// <summary>The bank's authentication page for this payment, as the attendee's browser reaches the sandbox.</summary>
    public string? AuthenticationUrl { get; set; }

    public DateTimeOffset? CanceledAt { get; set; }

    public string? CancellationReason { get; set; }
}

public sealed class SandboxCharge
{
    public required string Id { get; init; }

    public required string PaymentIntent { get; init; }

    public required long Amount { get; init; }

    public required string Currency { get; init; }

    public required TestCard Card { get; init; }

    public required DateTimeOffset Created { get; init; }

    public bool Paid { get; init; }

    /// <summary>Set when declined: Stripe's failure_code and failure_message of the charge.</summary>
    public string? FailureCode { get; init; }

    public string? FailureMessage { get; init; }

    public long AmountRefunded { get; set; }
}

public sealed class SandboxRefund
{
    public required string Id { get; init; }

    public required string PaymentIntent { get; init; }

    public required string Charge { get; init; }

    public required long Amount { get; init; }

    public required string Currency { get; init; }

    public string? Reason { get; init; }

    public Dictionary<string, string> Metadata { get; init; } = [];

    public required DateTimeOffset Created { get; init; }
}

/// <summary>The sandbox's state, in memory: it stands in for a provider, it is not one.</summary>
public sealed class SandboxStore
{
    private readonly ConcurrentDictionary<string, (string RequestHash, int Status, string Body)> _idempotent = new();

    public ConcurrentDictionary<string, SandboxPaymentIntent> PaymentIntents { get; } = new();

    public ConcurrentDictionary<string, SandboxRefund> Refunds { get; } = new();

    /// <summary>Serializes changes to one payment intent and its refunds (a confirm racing a cancel, say).</summary>
    public object LockOf(string paymentIntentId) => _locks.GetOrAdd(paymentIntentId, _ => new object());

    private readonly ConcurrentDictionary<string, object> _locks = new();

    public static string NewId(string prefix) =>
        prefix + "_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>The answer given earlier for this idempotency key; Stripe refuses the same key with other parameters.</summary>
    public (int Status, string Body)? Earlier(string key, string requestHash) =>
        _idempotent.TryGetValue(key, out var earlier)
            ? earlier.RequestHash == requestHash ? (earlier.Status, earlier.Body) : (400, StripeErrors.IdempotencyMismatch(key))
            : null;

    public void Remember(string key, string requestHash, int status, string body) =>
        _idempotent.TryAdd(key, (requestHash, status, body));
}
