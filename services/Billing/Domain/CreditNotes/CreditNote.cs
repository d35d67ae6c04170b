using EventPlatform.Billing.Domain.Documents;
using EventPlatform.Billing.Domain.Invoices;
using EventPlatform.Domain;

namespace EventPlatform.Billing.Domain.CreditNotes;

public enum CreditNoteReason
{
    /// <summary>Money was paid back.</summary>
    Refund = 1,

    /// <summary>The invoice is cancelled to be reissued with corrected details.</summary>
    Correction = 2,
}

/// <summary>
/// Cancels all or part of an invoice, which itself never changes. Amounts are what is credited (positive); the same
/// seller, buyer and VAT rates as the invoice. Never more than what is left of the invoice.
/// </summary>
public sealed class CreditNote : AggregateRoot, IIssuedDocument
{
    private CreditNote()
    {
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; } = "";

    public int Year { get; private set; }

    public int Sequence { get; private set; }

    public string OrganizerId { get; private set; } = "";

    public string OwnerId { get; private set; } = "";

    public Guid EventId { get; private set; }

    public Guid RegistrationId { get; private set; }

    public string AttendeeId { get; private set; } = "";

    public Guid InvoiceId { get; private set; }

    public string InvoiceNumber { get; private set; } = "";

    public CreditNoteReason Reason { get; private set; }

    /// <summary>Payment's refund, for a credit note of a refund: at most one credit note each.</summary>
    public Guid? RefundId { get; private set; }

    public string Note { get; private set; } = "";

    public Party Seller { get; private set; } = null!;

    public Party Buyer { get; private set; } = null!;

    public List<DocumentLine> Lines { get; private set; } = [];

    public string Currency { get; private set; } = "";

    public long NetTotalMinor { get; private set; }

    public long VatTotalMinor { get; private set; }

    public long GrossTotalMinor { get; private set; }

    public DocumentLanguage Language { get; private set; }

    public List<string> Mentions { get; private set; } = [];

    public DateTimeOffset IssueTime { get; private set; }

    /// <summary>
    /// Credits <paramref name="amount"/> (VAT included) of <paramref name="invoice"/>, of which
    /// <paramref name="alreadyCreditedMinor"/> was credited before; spread over its lines in proportion.
    /// </summary>
    public static CreditNote Against(
        Invoice invoice, Money amount, long alreadyCreditedMinor, CreditNoteReason reason, Guid? refundId, string note,
        DocumentNumber number, DateTimeOffset now)
    {
        BusinessRule.CheckAll(
            new NumberMustBeOfKindRule(number, DocumentKind.CreditNote),
            new CreditMustBeInTheInvoiceCurrencyRule(invoice, amount),
            new CreditMustNotExceedWhatIsLeftRule(invoice, amount.AmountMinor, alreadyCreditedMinor));
        var lines = Spread(invoice.Lines, amount.AmountMinor);
        var totals = DocumentTotals.Of(lines);
        var creditNote = new CreditNote
        {
            Id = Guid.CreateVersion7(now),
            Number = number.Text,
            Year = number.Year,
            Sequence = number.Sequence,
            OrganizerId = invoice.OrganizerId,
            OwnerId = invoice.OwnerId,
            EventId = invoice.EventId,
            RegistrationId = invoice.RegistrationId,
            AttendeeId = invoice.AttendeeId,
            InvoiceId = invoice.Id,
            InvoiceNumber = invoice.Number,
            Reason = reason,
            RefundId = refundId,
            Note = note.Trim(),
            Seller = invoice.Seller,
            Buyer = invoice.Buyer,
            Lines = lines,
            Currency = invoice.Currency,
            NetTotalMinor = totals.NetMinor,
            VatTotalMinor = totals.VatMinor,
            GrossTotalMinor = totals.GrossMinor,
            Language = invoice.Language,
            Mentions = [.. LegalMentions.ForCreditNote(invoice.Language, invoice.Number, lines)],
            IssueTime = now,
        };
        creditNote.Raise(new CreditNoteIssued(creditNote));
        return creditNote;
    }

    /// <summary>The invoice's lines, each credited in proportion to its share of the total; the last takes the rounding.</summary>
    private static List<DocumentLine> Spread(IReadOnlyList<DocumentLine> invoiceLines, long amountMinor)
    {
        var total = invoiceLines.Sum(l => l.GrossMinor);
        if (amountMinor == total)
        {
            return [.. invoiceLines];
        }

        var lines = new List<DocumentLine>();
        var left = amountMinor;
        for (var i = 0; i < invoiceLines.Count; i++)
        {
            var line = invoiceLines[i];
            var share = i == invoiceLines.Count - 1 ? left : amountMinor * line.GrossMinor / total;
            left -= share;
            if (share > 0)
            {
                lines.Add(DocumentLine.FromGross(line.Description, 1, share, line.VatRateBasisPoints));
            }
        }

        return lines;
    }
}

public sealed record CreditNoteIssued(CreditNote CreditNote) : IDomainEvent;

public sealed class CreditMustBeInTheInvoiceCurrencyRule(Invoice invoice, Money amount) : IBusinessRule
{
    public string Message => $"Invoice {invoice.Number} is in {invoice.Currency}; a credit of {amount.Currency} cannot be set against it.";

    public bool IsBroken() => amount.Currency != invoice.Currency;
}

public sealed class CreditMustNotExceedWhatIsLeftRule(Invoice invoice, long amountMinor, long alreadyCreditedMinor) : IBusinessRule
{
    public string Message =>
        $"Invoice {invoice.Number} has {invoice.GrossTotalMinor - alreadyCreditedMinor} minor units left to credit; {amountMinor} is more (or not positive).";

    public bool IsBroken() => amountMinor <= 0 || amountMinor > invoice.GrossTotalMinor - alreadyCreditedMinor;
}
