using System.Globalization;
using System.Text;
using EventPlatform.ServiceDefaults.Text;
using EventPlatform.Billing.Domain.CreditNotes;
using EventPlatform.Billing.Domain.Invoices;
using EventPlatform.Billing.Domain.Receipts;

namespace EventPlatform.Billing.Application;

/// <summary>An organizer's documents as CSV for their accountant (RFC 4180; amounts in minor units, credit notes positive).</summary>
public static class DocumentExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly string[] Columns =
    [
        "kind", "number", "issue_date", "invoice_number", "event_id", "registration_id", "buyer", "buyer_vat_number", "currency",
        "net_minor", "vat_minor", "gross_minor", "vat_rates_basis_points", "payment_method",
    ];

    public static string ToCsv(IEnumerable<Invoice> invoices, IEnumerable<Receipt> receipts, IEnumerable<CreditNote> creditNotes)
    {
        var rows = invoices.Select(i => (i.IssueTime, Row(
                "invoice", i.Number, i.IssueTime, "", i.EventId, i.RegistrationId, i.Buyer.LegalName, i.Buyer.VatNumber, i.Currency,
                i.NetTotalMinor, i.VatTotalMinor, i.GrossTotalMinor, Rates(i.Lines.Select(l => l.VatRateBasisPoints)), i.PaymentMethod)))
            .Concat(receipts.Select(r => (r.IssueTime, Row(
                "receipt", r.Number, r.IssueTime, r.InvoiceNumber, r.EventId, r.RegistrationId, r.Buyer.LegalName, r.Buyer.VatNumber, r.Currency,
                null, null, r.AmountPaidMinor, "", r.PaymentMethod))))
            .Concat(creditNotes.Select(c => (c.IssueTime, Row(
                "credit_note", c.Number, c.IssueTime, c.InvoiceNumber, c.EventId, c.RegistrationId, c.Buyer.LegalName, c.Buyer.VatNumber,
                c.Currency, c.NetTotalMinor, c.VatTotalMinor, c.GrossTotalMinor, Rates(c.Lines.Select(l => l.VatRateBasisPoints)), ""))))
            .OrderBy(r => r.IssueTime);
        var csv = new StringBuilder(string.Join(',', Columns)).Append("\r\n");
        foreach (var (_, row) in rows)
        {
            csv.Append(row).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Row(
        string kind, string number, DateTimeOffset issued, string invoiceNumber, Guid eventId, Guid registrationId, string buyer, string buyerVat,
        string currency, long? net, long? vat, long gross, string rates, string paymentMethod) =>
        string.Join(',', new[]
        {
            kind, number, issued.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), invoiceNumber, eventId.ToString(),
            registrationId.ToString(), buyer, buyerVat, currency, net?.ToString(CultureInfo.InvariantCulture) ?? "",
            vat?.ToString(CultureInfo.InvariantCulture) ?? "", gross.ToString(CultureInfo.InvariantCulture), rates, paymentMethod,
        }.Select(CsvField.Quote));

    private static string Rates(IEnumerable<int> rates) => string.Join(' ', rates.Distinct().Order());
}
