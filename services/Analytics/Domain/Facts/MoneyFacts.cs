namespace EventPlatform.Analytics.Domain.Facts;

/// <summary>A payment intent's outcome: succeeded wins over failed (money that arrived late still counts).</summary>
public sealed class PaymentFact
{
    private PaymentFact()
    {
    }

    public Guid PaymentIntentId { get; private set; }

    public Guid EventId { get; private set; }

    public long AmountMinor { get; private set; }

    public string Currency { get; private set; } = "";

    public bool Succeeded { get; private set; }

    public bool FailedSeen { get; private set; }

    /// <summary>When it succeeded (or failed, while it has not succeeded).</summary>
    public DateTimeOffset Time { get; private set; }

    public static PaymentFact Of(Guid paymentIntentId, Guid eventId, long amountMinor, string currency) =>
        new() { PaymentIntentId = paymentIntentId, EventId = eventId, AmountMinor = amountMinor, Currency = currency };

    public void Succeed(DateTimeOffset time)
    {
        Succeeded = true;
        Time = time;
    }

    public void Fail(DateTimeOffset time)
    {
        FailedSeen = true;
        if (!Succeeded)
        {
            Time = time;
        }
    }
}

/// <summary>Money paid back, once per refund.</summary>
public sealed record RefundFact(Guid RefundId, Guid EventId, long AmountMinor, string Currency, DateTimeOffset Time);

public enum DocumentKind
{
    Invoice,
    CreditNote,
}

/// <summary>An invoice or credit note issued (VAT included and excluded), once per document.</summary>
public sealed record DocumentFact(Guid DocumentId, DocumentKind Kind, Guid EventId, long GrossMinor, long NetMinor, string Currency, DateTimeOffset Time);

/// <summary>Every integration event analytics applied, as received: what a rebuild replays.</summary>
public sealed record JournalEntry(string MessageId, string Type, byte[] Payload, DateTimeOffset ReceiveTime);
