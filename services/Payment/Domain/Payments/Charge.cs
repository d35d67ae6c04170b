namespace EventPlatform.Payment.Domain.Payments;

/// <summary>One attempt to take the money, kept as the provider reported it.</summary>
public sealed class Charge
{
    private Charge()
    {
    }

    public Guid Id { get; private set; }

    public string ProviderChargeId { get; private set; } = "";

    public bool Succeeded { get; private set; }

    /// <summary>Printable, e.g. "visa •••• 4242".</summary>
    public string PaymentMethod { get; private set; } = "";

    public string? FailureCode { get; private set; }

    public string? FailureMessage { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    internal static Charge Of(ProviderCharge charge, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ProviderChargeId = charge.ProviderChargeId,
        Succeeded = charge.Succeeded,
        PaymentMethod = charge.PaymentMethod,
        FailureCode = charge.FailureCode,
        FailureMessage = charge.FailureMessage,
        CreateTime = now,
    };
}
