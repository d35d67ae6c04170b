using EventPlatform.Billing.Domain.Documents;

namespace EventPlatform.Billing.Domain.CreditNotes;

/// <summary>Why money was paid back, as the credit note prints it.</summary>
public enum RefundCause
{
    OrganizerDecision,
    AttendeeCancelled,
    OrganizerCancelled,
    EventCancelled,
    LatePayment,
}

public static class RefundCauses
{
    /// <summary>The reason printed on the credit note, in its language.</summary>
    public static string Describe(this RefundCause cause, DocumentLanguage language) => (cause, language == DocumentLanguage.Fr) switch
    {
        (RefundCause.AttendeeCancelled, true) => "Inscription annulée par le participant",
        (RefundCause.AttendeeCancelled, false) => "Registration cancelled by the attendee",
        (RefundCause.OrganizerCancelled, true) => "Inscription annulée par l'organisateur",
        (RefundCause.OrganizerCancelled, false) => "Registration cancelled by the organizer",
        (RefundCause.EventCancelled, true) => "Événement annulé",
        (RefundCause.EventCancelled, false) => "Event cancelled",
        (RefundCause.LatePayment, true) => "Paiement reçu après l'expiration de la réservation, sans place disponible",
        (RefundCause.LatePayment, false) => "Payment received after the seat hold lapsed, with no seat left",
        (_, true) => "Remboursement décidé par l'organisateur",
        _ => "Refund decided by the organizer",
    };
}
