using EventPlatform.Notification.Domain.Messages;

namespace EventPlatform.Notification.Application.Templates;

/// <summary>The platform's own words for every automatic message, in English and French; organizers may override each.</summary>
public static class DefaultTemplates
{
    public sealed record Text(MessageKind Kind, string Locale, string Subject, string Body);

    private const string SignatureEn = "\n\n—\n{{ event.title }}: {{ event.link }}";
    private const string SignatureFr = "\n\n—\n{{ event.title }} : {{ event.link }}";

    public static readonly IReadOnlyList<Text> All =
    [
        new(MessageKind.RegistrationRequested, "en", "Your registration for {{ event.title }} awaits the organizer's approval",
            "Hello {{ attendee.name }},\n\nWe received your registration for {{ event.title }} ({{ event.start }}, {{ event.location }}). The organizer reviews each registration; you will hear from us as soon as they decide." + SignatureEn),
        new(MessageKind.RegistrationRequested, "fr", "Votre inscription à {{ event.title }} attend la validation de l'organisateur",
            "Bonjour {{ attendee.name }},\n\nNous avons bien reçu votre inscription à {{ event.title }} ({{ event.start }}, {{ event.location }}). L'organisateur examine chaque inscription : nous vous écrirons dès qu'il aura décidé." + SignatureFr),
        new(MessageKind.ApprovalNeeded, "en", "A registration for {{ event.title }} awaits your approval",
            "{{ attendee.name }} ({{ attendee.email }}) registered for {{ event.title }} and awaits your approval.\n\nReview it: {{ registration.link }}"),
        new(MessageKind.ApprovalNeeded, "fr", "Une inscription à {{ event.title }} attend votre validation",
            "{{ attendee.name }} ({{ attendee.email }}) s'est inscrit(e) à {{ event.title }} et attend votre validation.\n\nL'examiner : {{ registration.link }}"),
        new(MessageKind.RegistrationApproved, "en", "Your registration for {{ event.title }} is approved",
            "Hello {{ attendee.name }},\n\nThe organizer approved your registration for {{ event.title }} ({{ event.start }}, {{ event.location }})." + SignatureEn),
        new(MessageKind.RegistrationApproved, "fr", "Votre inscription à {{ event.title }} est acceptée",
            "Bonjour {{ attendee.name }},\n\nL'organisateur a accepté votre inscription à {{ event.title }} ({{ event.start }}, {{ event.location }})." + SignatureFr),
        new(MessageKind.RegistrationRejected, "en", "Your registration for {{ event.title }} was not accepted",
            "Hello {{ attendee.name }},\n\nWe are sorry: the organizer did not accept your registration for {{ event.title }}.{% if reason != blank %}\n\nTheir message: {{ reason }}{% endif %}" + SignatureEn),
        new(MessageKind.RegistrationRejected, "fr", "Votre inscription à {{ event.title }} n'a pas été acceptée",
            "Bonjour {{ attendee.name }},\n\nNous sommes désolés : l'organisateur n'a pas accepté votre inscription à {{ event.title }}.{% if reason != blank %}\n\nSon message : {{ reason }}{% endif %}" + SignatureFr),
        new(MessageKind.PaymentDue, "en", "Your seat at {{ event.title }} is held until {{ payment.deadline }}",
            "Hello {{ attendee.name }},\n\nWe are holding a seat for you at {{ event.title }} ({{ event.start }}, {{ event.location }}). Pay {{ payment.amount }} by {{ payment.deadline }} to confirm it:\n\n{{ payment.link }}\n\nAfter that time the seat goes to the next person waiting." + SignatureEn),
        new(MessageKind.PaymentDue, "fr", "Votre place à {{ event.title }} est réservée jusqu'au {{ payment.deadline }}",
            "Bonjour {{ attendee.name }},\n\nNous vous réservons une place à {{ event.title }} ({{ event.start }}, {{ event.location }}). Réglez {{ payment.amount }} avant le {{ payment.deadline }} pour la confirmer :\n\n{{ payment.link }}\n\nPassé ce délai, la place revient à la personne suivante sur la liste d'attente." + SignatureFr),
        new(MessageKind.RegistrationConfirmed, "en", "You're registered for {{ event.title }}",
            "Hello {{ attendee.name }},\n\nYour registration for {{ event.title }} is confirmed.\n\nWhen: {{ event.start }} – {{ event.end }} ({{ event.time_zone }})\nWhere: {{ event.location }}{% if invoice.number != blank %}\n\nYour invoice {{ invoice.number }} ({{ invoice.amount }}, paid) is attached.{% endif %}\n\nYour registration: {{ registration.link }}" + SignatureEn),
        new(MessageKind.RegistrationConfirmed, "fr", "Votre inscription à {{ event.title }} est confirmée",
            "Bonjour {{ attendee.name }},\n\nVotre inscription à {{ event.title }} est confirmée.\n\nQuand : {{ event.start }} – {{ event.end }} ({{ event.time_zone }})\nOù : {{ event.location }}{% if invoice.number != blank %}\n\nVotre facture {{ invoice.number }} ({{ invoice.amount }}, acquittée) est jointe.{% endif %}\n\nVotre inscription : {{ registration.link }}" + SignatureFr),
        new(MessageKind.Waitlisted, "en", "You're on the waiting list for {{ event.title }}",
            "Hello {{ attendee.name }},\n\n{{ event.title }} is full for now. You are number {{ waitlist.position }} on the waiting list: if a seat frees up, it is offered to you automatically and we will write to you at once." + SignatureEn),
        new(MessageKind.Waitlisted, "fr", "Vous êtes sur la liste d'attente de {{ event.title }}",
            "Bonjour {{ attendee.name }},\n\n{{ event.title }} est complet pour l'instant. Vous êtes n° {{ waitlist.position }} sur la liste d'attente : si une place se libère, elle vous est proposée automatiquement et nous vous écrivons aussitôt." + SignatureFr),
        new(MessageKind.PromotedFromWaitlist, "en", "A seat at {{ event.title }} is yours",
            "Hello {{ attendee.name }},\n\nGood news: a seat freed up at {{ event.title }} ({{ event.start }}) and it is yours.{% if payment.deadline != blank %} Pay {{ payment.amount }} by {{ payment.deadline }} to keep it:\n\n{{ payment.link }}\n\nAfter that time the seat goes to the next person waiting.{% endif %}" + SignatureEn),
        new(MessageKind.PromotedFromWaitlist, "fr", "Une place à {{ event.title }} vous attend",
            "Bonjour {{ attendee.name }},\n\nBonne nouvelle : une place s'est libérée à {{ event.title }} ({{ event.start }}) et elle est pour vous.{% if payment.deadline != blank %} Réglez {{ payment.amount }} avant le {{ payment.deadline }} pour la garder :\n\n{{ payment.link }}\n\nPassé ce délai, la place revient à la personne suivante.{% endif %}" + SignatureFr),
        new(MessageKind.RegistrationCancelled, "en", "Your registration for {{ event.title }} is cancelled",
            "Hello {{ attendee.name }},\n\nYour registration for {{ event.title }} is cancelled.{% if reason != blank %}\n\nReason: {{ reason }}{% endif %}{% if refund.amount != blank %}\n\n{{ refund.amount }} will be refunded to your means of payment; the credit note follows by email.{% endif %}" + SignatureEn),
        new(MessageKind.RegistrationCancelled, "fr", "Votre inscription à {{ event.title }} est annulée",
            "Bonjour {{ attendee.name }},\n\nVotre inscription à {{ event.title }} est annulée.{% if reason != blank %}\n\nMotif : {{ reason }}{% endif %}{% if refund.amount != blank %}\n\n{{ refund.amount }} vous seront remboursés sur votre moyen de paiement ; l'avoir suit par e-mail.{% endif %}" + SignatureFr),
        new(MessageKind.RegistrationExpired, "en", "Your seat at {{ event.title }} was released",
            "Hello {{ attendee.name }},\n\nYour seat at {{ event.title }} was released: {{ reason }}\n\nYou can register again while seats remain: {{ event.link }}" + SignatureEn),
        new(MessageKind.RegistrationExpired, "fr", "Votre place à {{ event.title }} a été libérée",
            "Bonjour {{ attendee.name }},\n\nVotre place à {{ event.title }} a été libérée : {{ reason }}\n\nVous pouvez vous réinscrire tant qu'il reste des places : {{ event.link }}" + SignatureFr),
        new(MessageKind.ProgramChanged, "en", "Change to the program of {{ event.title }}",
            "Hello {{ attendee.name }},\n\nThe program of {{ event.title }} changed for sessions you attend:\n\n{{ changes }}{% if change_note != blank %}\n\nThe organizer's note: {{ change_note }}{% endif %}" + SignatureEn),
        new(MessageKind.ProgramChanged, "fr", "Changement au programme de {{ event.title }}",
            "Bonjour {{ attendee.name }},\n\nLe programme de {{ event.title }} a changé pour des sessions que vous suivez :\n\n{{ changes }}{% if change_note != blank %}\n\nLe mot de l'organisateur : {{ change_note }}{% endif %}" + SignatureFr),
        new(MessageKind.CreditNoteIssued, "en", "Your refund for {{ event.title }}: credit note {{ credit_note.number }}",
            "Hello {{ attendee.name }},\n\nWe refunded {{ credit_note.amount }} for {{ event.title }} to your means of payment. The credit note {{ credit_note.number }} (against invoice {{ invoice.number }}) is attached." + SignatureEn),
        new(MessageKind.CreditNoteIssued, "fr", "Votre remboursement pour {{ event.title }} : avoir {{ credit_note.number }}",
            "Bonjour {{ attendee.name }},\n\nNous vous avons remboursé {{ credit_note.amount }} pour {{ event.title }} sur votre moyen de paiement. L'avoir {{ credit_note.number }} (sur la facture {{ invoice.number }}) est joint." + SignatureFr),
        new(MessageKind.EventCancelled, "en", "{{ event.title }} is cancelled",
            "Hello {{ attendee.name }},\n\nWe are sorry to tell you that {{ event.title }} ({{ event.start }}) is cancelled.{% if reason != blank %}\n\nThe organizer's message: {{ reason }}{% endif %}{% if refund.amount != blank %}\n\nYou will be refunded {{ refund.amount }} in full; the credit note follows by email.{% endif %}" + SignatureEn),
        new(MessageKind.EventCancelled, "fr", "{{ event.title }} est annulé",
            "Bonjour {{ attendee.name }},\n\nNous avons le regret de vous annoncer que {{ event.title }} ({{ event.start }}) est annulé.{% if reason != blank %}\n\nLe message de l'organisateur : {{ reason }}{% endif %}{% if refund.amount != blank %}\n\nVous serez intégralement remboursé(e) de {{ refund.amount }} ; l'avoir suit par e-mail.{% endif %}" + SignatureFr),
        new(MessageKind.EventReminder, "en", "Reminder: {{ event.title }} starts {{ event.start }}",
            "Hello {{ attendee.name }},\n\nA reminder that {{ event.title }} starts on {{ event.start }} ({{ event.time_zone }}).\n\nWhere: {{ event.location }}\nYour registration: {{ registration.link }}\n\nSee you there!" + SignatureEn),
        new(MessageKind.EventReminder, "fr", "Rappel : {{ event.title }} commence le {{ event.start }}",
            "Bonjour {{ attendee.name }},\n\nPetit rappel : {{ event.title }} commence le {{ event.start }} ({{ event.time_zone }}).\n\nOù : {{ event.location }}\nVotre inscription : {{ registration.link }}\n\nÀ bientôt !" + SignatureFr),
    ];
}
