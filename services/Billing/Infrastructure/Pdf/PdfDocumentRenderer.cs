using EventPlatform.Billing.Application.Ports;
using EventPlatform.Billing.Domain.CreditNotes;
using EventPlatform.Billing.Domain.Documents;
using EventPlatform.Billing.Domain.Invoices;
using EventPlatform.Billing.Domain.Receipts;

namespace EventPlatform.Billing.Infrastructure.Pdf;

/// <summary>Invoices, receipts and credit notes as one A4 page each (PdfPig), laid out as accountants expect them.</summary>
public sealed class PdfDocumentRenderer : IDocumentRenderer
{
    public byte[] Render(Invoice invoice)
    {
        var text = new DocumentText(invoice.Language);
        var page = new PdfPage($"{text.Invoice} {invoice.Number}");
        page.Header(text.Invoice, $"{text.Number} {invoice.Number}", $"{text.IssueDate} : {text.Date(invoice.IssueTime)}");
        page.Parties(text, invoice.Seller, invoice.Buyer);
        page.References(
            [
                (text.Registration, invoice.RegistrationId.ToString()),
                (text.PaymentReference, invoice.PaymentIntentId.ToString()),
                .. invoice.ReplacesInvoiceId is { } replaced ? new[] { (text.Replaces, replaced.ToString()) } : [],
            ]);
        page.Lines(text, invoice.Lines, invoice.Currency, sign: 1);
        page.Totals(text, invoice.Lines, invoice.Currency, sign: 1, text.Gross);
        page.Mentions(invoice.Mentions);
        return page.Build();
    }

    public byte[] Render(Receipt receipt)
    {
        var text = new DocumentText(receipt.Language);
        var page = new PdfPage($"{text.Receipt} {receipt.Number}");
        page.Header(text.Receipt, $"{text.Number} {receipt.Number}", $"{text.IssueDate} : {text.Date(receipt.IssueTime)}");
        page.Parties(text, receipt.Seller, receipt.Buyer);
        page.References(
            [
                (text.ForInvoice, receipt.InvoiceNumber),
                (text.PaidOn, text.Date(receipt.PayTime)),
                (text.PaidBy, receipt.PaymentMethod),
                (text.PaymentReference, receipt.ProviderChargeId.Length > 0 ? receipt.ProviderChargeId : receipt.PaymentIntentId.ToString()),
            ]);
        page.Figure(text.AmountPaid, text.Amount(receipt.AmountPaidMinor, receipt.Currency));
        return page.Build();
    }

    public byte[] Render(CreditNote creditNote)
    {
        var text = new DocumentText(creditNote.Language);
        var page = new PdfPage($"{text.CreditNote} {creditNote.Number}");
        page.Header(text.CreditNote, $"{text.Number} {creditNote.Number}", $"{text.IssueDate} : {text.Date(creditNote.IssueTime)}");
        page.Parties(text, creditNote.Seller, creditNote.Buyer);
        page.References(
            [
                (text.AgainstInvoice, creditNote.InvoiceNumber),
                (text.Registration, creditNote.RegistrationId.ToString()),
                .. creditNote.Note.Length > 0 ? new[] { (text.Reason, creditNote.Note) } : [],
            ]);
        page.Lines(text, creditNote.Lines, creditNote.Currency, sign: -1);
        page.Totals(text, creditNote.Lines, creditNote.Currency, sign: -1, text.Credited);
        page.Mentions(creditNote.Mentions);
        return page.Build();
    }
}
