namespace EventPlatform.Notification.Domain.Messages;

/// <summary>What a message is about: it picks the template, and shows on deliveries and notifications.</summary>
public enum MessageKind
{
    RegistrationRequested = 1,
    ApprovalNeeded = 2,
    RegistrationApproved = 3,
    RegistrationRejected = 4,
    PaymentDue = 5,
    RegistrationConfirmed = 6,
    Waitlisted = 7,
    PromotedFromWaitlist = 8,
    RegistrationCancelled = 9,
    RegistrationExpired = 10,
    ProgramChanged = 11,
    CreditNoteIssued = 12,
    EventCancelled = 13,
    OrganizerMessage = 14,
    EventReminder = 15,
}
