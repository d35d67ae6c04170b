using EventPlatform.Messaging.Handling;
using EventPlatform.Notification.Application.Messages;
using EventPlatform.Notification.Application.Ports;
using EventPlatform.Notification.Domain.Deliveries;
using EventPlatform.Notification.Domain.Messages;
using EventPlatform.Notification.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Proto = EventPlatform.Contracts.Billing.V1;

namespace EventPlatform.Notification.Application.Handlers;

/// <summary>
/// A paid registration is confirmed with its invoice attached; a refund is told with its credit note attached. The
/// attendee is the one registration told us of (the buyer on the document may be their employer).
/// </summary>
public sealed class BillingEventHandlers(NotificationDbContext db, IAttendees attendees, DeliveryPlanner planner) :
    IIntegrationEventHandler<Proto.InvoiceIssued>, IIntegrationEventHandler<Proto.CreditNoteIssued>
{
    public async Task HandleAsync(Proto.InvoiceIssued message, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var invoice = message.Invoice;
        // A correction reissues an invoice to the organizer's request; the attendee was confirmed already.
        if (invoice.ReplacesInvoiceId.Length > 0 || await RecipientAsync(invoice.RegistrationId, cancellationToken) is not { } recipient)
        {
            return;
        }

        await planner.PlanAsync(
            new MessagePlan(
                context.MessageId, MessageKind.RegistrationConfirmed, Guid.Parse(invoice.EventId), recipient,
                new Dictionary<string, object?>
                {
                    ["invoice"] = new Dictionary<string, object?>
                    {
                        ["number"] = invoice.Number,
                        ["amount"] = MessageModel.Money(invoice.GrossTotal.AmountMinor, invoice.GrossTotal.Currency, recipient.Locale),
                    },
                },
                [new Attachment(DocumentKind.Invoice, Guid.Parse(invoice.Id), $"{invoice.Number}.pdf")]),
            cancellationToken);
    }

    public async Task HandleAsync(Proto.CreditNoteIssued message, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var creditNote = message.CreditNote;
        if (creditNote.Reason != Proto.CreditNoteReason.Refund || await RecipientAsync(creditNote.RegistrationId, cancellationToken) is not { } recipient)
        {
            return;
        }

        await planner.PlanAsync(
            new MessagePlan(
                context.MessageId, MessageKind.CreditNoteIssued, Guid.Parse(creditNote.EventId), recipient,
                new Dictionary<string, object?>
                {
                    ["credit_note"] = new Dictionary<string, object?>
                    {
                        ["number"] = creditNote.Number,
                        ["amount"] = MessageModel.Money(creditNote.GrossTotal.AmountMinor, creditNote.GrossTotal.Currency, recipient.Locale),
                    },
                    ["invoice"] = new Dictionary<string, object?> { ["number"] = creditNote.InvoiceNumber },
                },
                [new Attachment(DocumentKind.CreditNote, Guid.Parse(creditNote.Id), $"{creditNote.Number}.pdf")]),
            cancellationToken);
    }

    /// <summary>
    /// The attendee, as registration's events told us — or, when billing's event comes first (the two topics are not
    /// ordered with each other), as registration answers.
    /// </summary>
    private async Task<MessageRecipient?> RecipientAsync(string registrationId, CancellationToken cancellationToken)
    {
        var id = Guid.Parse(registrationId);
        if (await db.Recipients.AsNoTracking().SingleOrDefaultAsync(r => r.RegistrationId == id, cancellationToken) is { } known)
        {
            return new MessageRecipient(known.AttendeeId, known.Name, known.Email, known.Locale, id);
        }

        return await attendees.FindAsync(id, cancellationToken) is { } asked
            ? new MessageRecipient(asked.AttendeeId, asked.Name, asked.Email, asked.Locale, id)
            : null;
    }
}
