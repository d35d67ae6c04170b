using EventPlatform.Billing.Domain.CreditNotes;
using EventPlatform.Billing.Domain.Invoices;
using EventPlatform.Billing.Domain.Receipts;

namespace EventPlatform.Billing.Application.Ports;

/// <summary>A document as a PDF, in the document's language; called once, when it is issued.</summary>
public interface IDocumentRenderer
{
    byte[] Render(Invoice invoice);

    byte[] Render(Receipt receipt);

    byte[] Render(CreditNote creditNote);
}
