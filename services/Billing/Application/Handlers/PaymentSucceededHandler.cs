using EventPlatform.Billing.Application.Issuing;
using EventPlatform.Billing.Application.Ports;
using EventPlatform.Billing.Domain.Documents;
using EventPlatform.Billing.Domain.Invoices;
using EventPlatform.Messaging.Handling;
using Proto = EventPlatform.Contracts.Payment.V1;

namespace EventPlatform.Billing.Application.Handlers;

/// <summary>
/// A successful payment gets its invoice and receipt: the seller is the organizer as catalog knows it now, the buyer
/// the registration's billing details or the attendee, the line the event at the price paid (VAT included).
/// </summary>
public sealed class PaymentSucceededHandler(IBillingSources sources, DocumentIssuing issuing) : IIntegrationEventHandler<Proto.PaymentSucceeded>
{
    public async Task HandleAsync(Proto.PaymentSucceeded message, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var registration = await sources.RegistrationAsync(Guid.Parse(message.RegistrationId), cancellationToken);
        var organizer = await sources.OrganizerAsync(message.OrganizerId, cancellationToken);
        var e = await sources.EventAsync(Guid.Parse(message.EventId), cancellationToken);
        var language = DocumentLanguages.FromLocale(registration.Attendee.Locale);
        var title = e?.Title ?? registration.EventId;
        var line = DocumentLine.FromGross(
            language == DocumentLanguage.Fr ? $"Inscription — {title}" : $"Registration — {title}", 1, message.Amount.AmountMinor,
            registration.VatRateBasisPoints);
        var terms = new InvoiceTerms(
            message.OrganizerId,
            organizer.OwnerId,
            Guid.Parse(message.EventId),
            Guid.Parse(message.RegistrationId),
            Guid.Parse(message.PaymentIntentId),
            message.AttendeeId,
            BillingParties.Seller(organizer),
            BillingParties.Buyer(registration),
            [line],
            message.Amount.Currency,
            language,
            message.SucceedTime.ToDateTimeOffset(),
            message.PaymentMethod);
        await issuing.IssuePaidInvoiceAsync(new PaidInvoice(terms, organizer.InvoicePrefix, message.ProviderChargeId), cancellationToken);
    }
}
