namespace EventPlatform.Registrations.Domain.Registrations;

public enum RegistrationStatus
{
    AwaitingApproval,
    Pending,
    Confirmed,
    Waitlisted,
    Cancelled,
    Expired,
    Rejected,
}

public enum CancellationCause
{
    Attendee,
    Organizer,
    EventCancelled,
}

public enum ExpiryReason
{
    /// <summary>The payment deadline passed unpaid.</summary>
    HoldLapsed,

    /// <summary>The payment failed for good.</summary>
    PaymentFailed,
}

public static class RegistrationStatuses
{
    /// <summary>The statuses in which an attendee is still "registered": at most one per attendee and event.</summary>
    public static readonly IReadOnlyList<RegistrationStatus> Active =
        [RegistrationStatus.AwaitingApproval, RegistrationStatus.Pending, RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted];

    public static bool IsActive(this RegistrationStatus status) => Active.Contains(status);
}
