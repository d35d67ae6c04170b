using EventPlatform.Notification.Domain.Messages;

namespace EventPlatform.Notification.Domain.Templates;

/// <summary>
/// The placeholders each kind of message offers its template, e.g. {{ attendee.name }}. A template may use only
/// these: a misspelt one would print nothing to thousands of attendees, so it is refused when saved.
/// </summary>
public static class TemplatePlaceholders
{
    private static readonly string[] Common =
    [
        "attendee.name", "attendee.email", "event.title", "event.start", "event.end", "event.location", "event.time_zone",
        "event.link", "registration.id", "registration.link",
    ];

    public static IReadOnlySet<string> For(MessageKind kind) => (kind switch
    {
        MessageKind.PaymentDue or MessageKind.PromotedFromWaitlist => Common.Concat(["payment.amount", "payment.deadline", "payment.link"]),
        MessageKind.RegistrationConfirmed => Common.Concat(["invoice.number", "invoice.amount"]),
        MessageKind.Waitlisted => Common.Concat(["waitlist.position"]),
        MessageKind.RegistrationRejected or MessageKind.RegistrationCancelled or MessageKind.RegistrationExpired or MessageKind.EventCancelled =>
            Common.Concat(["reason", "refund.amount"]),
        MessageKind.ProgramChanged => Common.Concat(["changes", "change_note"]),
        MessageKind.CreditNoteIssued => Common.Concat(["credit_note.number", "credit_note.amount", "invoice.number"]),
        _ => Common,
    }).ToHashSet(StringComparer.Ordinal);
}
