namespace EventPlatform.Payment.Domain.Payments;

public enum PaymentIntentStatus
{
    /// <summary>Waiting for the attendee to pay; a declined attempt comes back here for another try.</summary>
    RequiresPayment = 1,

    /// <summary>The provider is processing an attempt (e.g. bank authentication).</summary>
    Processing = 2,

    Succeeded = 3,

    /// <summary>Ended unpaid: the provider gave up, or too many attempts were declined.</summary>
    Failed = 4,

    /// <summary>Stopped because the registration no longer owes it (hold lapsed, cancelled before paying).</summary>
    Cancelled = 5,
}
