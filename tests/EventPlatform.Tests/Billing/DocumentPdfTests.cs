using EventPlatform.Billing.Domain.CreditNotes;
using EventPlatform.Billing.Domain.Documents;
using EventPlatform.Billing.Domain.Invoices;
using EventPlatform.Billing.Domain.Receipts;
using EventPlatform.Billing.Infrastructure.Pdf;
using UglyToad.PdfPig;

namespace EventPlatform.Tests.Billing;

/// <summary>Each document's PDF read back with a PDF reader: what an accountant looks for is there, in the attendee's language.</summary>
public sealed class DocumentPdfTests
{
    private static readonly DateTimeOffset Issued = new(2026, 11, 30, 9, 20, 0, TimeSpan.Zero);
    private readonly PdfDocumentRenderer _renderer = new();

    [Fact]
    public void A_french_invoice_to_a_company_carries_number_parties_lines_vat_totals_and_mentions()
    {
        var invoice = Invoice.Issue(BillingSamples.Terms(buyer: BillingSamples.Company), Number(DocumentKind.Invoice, 123), Issued);

        var text = TextOf(_renderer.Render(invoice));

        text.ShouldContain("FACTURE");
        text.ShouldContain("LYNET-2026-000123");
        text.ShouldContain("30/11/2026");
        text.ShouldContain("Lyon .NET Association");
        text.ShouldContain("1 Place Bellecour");
        text.ShouldContain("FR40123456789");
        text.ShouldContain("Acme Formation SARL");
        text.ShouldContain("12 rue de la République");
        text.ShouldContain("FR98765432101");
        text.ShouldContain("Inscription — DotNet Days Lyon");
        text.ShouldContain("125,00 €");
        text.ShouldContain("TVA 20 %");
        text.ShouldContain("25,00 €");
        text.ShouldContain("Total TTC");
        text.ShouldContain("150,00 €");
        text.ShouldContain("Facture acquittée le 30/11/2026 par Visa •••• 4242");
        text.ShouldContain("indemnité forfaitaire pour frais de recouvrement de 40 €");
    }

    [Fact]
    public void An_english_invoice_without_vat_says_why()
    {
        var invoice = Invoice.Issue(
            BillingSamples.Terms(vatRate: 0, gross: 4900, language: DocumentLanguage.En), Number(DocumentKind.Invoice, 7), Issued);

        var text = TextOf(_renderer.Render(invoice));

        text.ShouldContain("INVOICE");
        text.ShouldContain("LYNET-2026-000007");
        text.ShouldContain("Zoé Durand");
        text.ShouldContain("Registration — DotNet Days Lyon");
        text.ShouldContain("49.00 €");
        text.ShouldContain("VAT 0 %");
        text.ShouldContain("VAT not applicable, art. 293 B of the French General Tax Code.");
        text.ShouldNotContain("recovery fee");
    }

    [Fact]
    public void A_receipt_says_what_was_paid_when_how_and_for_which_invoice()
    {
        var invoice = Invoice.Issue(BillingSamples.Terms(language: DocumentLanguage.En), Number(DocumentKind.Invoice, 1), Issued);
        var receipt = Receipt.ForPayment(invoice, "ch_3Qx", Number(DocumentKind.Receipt, 1), Issued);

        var text = TextOf(_renderer.Render(receipt));

        text.ShouldContain("RECEIPT");
        text.ShouldContain("LYNET-R-2026-000001");
        text.ShouldContain("LYNET-2026-000001");
        text.ShouldContain("Amount received");
        text.ShouldContain("150.00 €");
        text.ShouldContain("Visa •••• 4242");
        text.ShouldContain("ch_3Qx");
    }

    [Fact]
    public void A_credit_note_names_its_invoice_and_credits_negative_amounts()
    {
        var invoice = Invoice.Issue(BillingSamples.Terms(), Number(DocumentKind.Invoice, 9), Issued);
        var creditNote = CreditNote.Against(
            invoice, new Money(6000, "EUR"), 0, CreditNoteReason.Refund, Guid.NewGuid(), "Inscription annulée par le participant",
            Number(DocumentKind.CreditNote, 2), Issued);

        var text = TextOf(_renderer.Render(creditNote));

        text.ShouldContain("AVOIR");
        text.ShouldContain("LYNET-CN-2026-000002");
        text.ShouldContain("Avoir sur la facture n° LYNET-2026-000009");
        text.ShouldContain("Inscription annulée par le participant");
        text.ShouldContain("-50,00 €");
        text.ShouldContain("-10,00 €");
        text.ShouldContain("-60,00 €");
        (creditNote.NetTotalMinor, creditNote.VatTotalMinor, creditNote.GrossTotalMinor).ShouldBe((5000, 1000, 6000));
    }

    private static DocumentNumber Number(DocumentKind kind, int sequence) => DocumentNumber.Of("LYNET", kind, 2026, sequence);

    private static string TextOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        document.NumberOfPages.ShouldBe(1);
        // Words joined by single spaces, as a reader reads them line by line.
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }
}
