using EventPlatform.Billing.Domain.CreditNotes;
using EventPlatform.Billing.Domain.Invoices;
using EventPlatform.Billing.Domain.Receipts;
using EventPlatform.Domain;
using EventPlatform.ServiceDefaults.Commands;
using Proto = EventPlatform.Contracts.Billing.V1;

namespace EventPlatform.Billing.Application;

/// <summary>
/// Each issued document, whole, keyed by its catalog event with the registration as subject. An invoice names the
/// receipt issued with it, so notification can attach both to one email.
/// </summary>
public sealed class BillingIntegrationEvents : IIntegrationEventMapper
{
    public Task<IReadOnlyList<OutgoingEvent>> MapAsync(IReadOnlyList<IDomainEvent> domainEvents, CancellationToken cancellationToken)
    {
        var receipts = domainEvents.OfType<ReceiptIssued>().Select(r => r.Receipt).ToList();
        return Task.FromResult<IReadOnlyList<OutgoingEvent>>(domainEvents.Select(e => Map(e, receipts)).OfType<OutgoingEvent>().ToList());
    }

    private static OutgoingEvent? Map(IDomainEvent domainEvent, IReadOnlyList<Receipt> receipts) => domainEvent switch
    {
        InvoiceIssued e => new OutgoingEvent(
            new Proto.InvoiceIssued
            {
                EventId = e.Invoice.EventId.ToString(),
                Invoice = e.Invoice.ToContract(),
                ReceiptId = receipts.FirstOrDefault(r => r.InvoiceId == e.Invoice.Id)?.Id.ToString() ?? "",
            },
            e.Invoice.EventId.ToString(), e.Invoice.RegistrationId.ToString()),
        ReceiptIssued e => new OutgoingEvent(
            new Proto.ReceiptIssued { EventId = e.Receipt.EventId.ToString(), Receipt = e.Receipt.ToContract() },
            e.Receipt.EventId.ToString(), e.Receipt.RegistrationId.ToString()),
        CreditNoteIssued e => new OutgoingEvent(
            new Proto.CreditNoteIssued { EventId = e.CreditNote.EventId.ToString(), CreditNote = e.CreditNote.ToContract() },
            e.CreditNote.EventId.ToString(), e.CreditNote.RegistrationId.ToString()),
        _ => null,
    };
}
