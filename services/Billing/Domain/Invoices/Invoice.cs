using EventPlatform.Billing.Domain.Documents;
using EventPlatform.Domain;

namespace EventPlatform.Billing.Domain.Invoices;

/// <summary>What an invoice is issued from: who sells to whom, what, and how it was paid.</summary>
public sealed record InvoiceTerms(
    string OrganizerId,
    string OwnerId,
    Guid EventId,
    Guid RegistrationId,
    Guid PaymentIntentId,
    string AttendeeId,
    Party Seller,
    Party Buyer,
    IReadOnlyList<DocumentLine> Lines,
    string Currency,
    DocumentLanguage Language,
    DateTimeOffset? PayTime,
    string PaymentMethod,
    Guid? ReplacesInvoiceId = null);

/// <summary>
/// An invoice: issued once, complete, and never changed afterwards (the database refuses it too). A correction or a
/// refund is a credit note against it.
/// </summary>
public sealed class Invoice : AggregateRoot, IIssuedDocument
{
    private Invoice()
    {
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; } = "";

    /// <summary>The organizer's prefix the invoice was numbered with; its credit notes are numbered with it too.</summary>
    public string Prefix { get; private set; } = "";

    public int Year { get; private set; }

    public int Sequence { get; private set; }

    public string OrganizerId { get; private set; } = "";

    /// <summary>The person who manages the organizer: who reads its documents.</summary>
    public string OwnerId { get; private set; } = "";

    public Guid EventId { get; private set; }

    public Guid RegistrationId { get; private set; }

    public Guid PaymentIntentId { get; private set; }

    /// <summary>Who reads the document besides the organizer.</summary>
    public string AttendeeId { get; private set; } = "";

    public Party Seller { get; private set; } = null!;

    public Party Buyer { get; private set; } = null!;

    public List<DocumentLine> Lines { get; private set; } = [];

    public string Currency { get; private set; } = "";

    public long NetTotalMinor { get; private set; }

    public long VatTotalMinor { get; private set; }

    public long GrossTotalMinor { get; private set; }

    public DocumentLanguage Language { get; private set; }

    public List<string> Mentions { get; private set; } = [];

    public DateTimeOffset? PayTime { get; private set; }

    public string PaymentMethod { get; private set; } = "";

    /// <summary>Set on an invoice reissued by a correction: the one it replaces.</summary>
    public Guid? ReplacesInvoiceId { get; private set; }

    public DateTimeOffset IssueTime { get; private set; }

    public static Invoice Issue(InvoiceTerms terms, DocumentNumber number, DateTimeOffset now)
    {
        BusinessRule.CheckAll(new DocumentMustHaveLinesRule(terms.Lines), new NumberMustBeOfKindRule(number, DocumentKind.Invoice));
        var totals = DocumentTotals.Of(terms.Lines);
        var invoice = new Invoice
        {
            Id = Guid.CreateVersion7(now),
            Number = number.Text,
            Prefix = number.Prefix,
            Year = number.Year,
            Sequence = number.Sequence,
            OrganizerId = terms.OrganizerId,
            OwnerId = terms.OwnerId,
            EventId = terms.EventId,
            RegistrationId = terms.RegistrationId,
            PaymentIntentId = terms.PaymentIntentId,
            AttendeeId = terms.AttendeeId,
            Seller = terms.Seller,
            Buyer = terms.Buyer,
            Lines = [.. terms.Lines],
            Currency = terms.Currency,
            NetTotalMinor = totals.NetMinor,
            VatTotalMinor = totals.VatMinor,
            GrossTotalMinor = totals.GrossMinor,
            Language = terms.Language,
            Mentions = [.. LegalMentions.ForInvoice(terms.Language, terms.Lines, terms.Buyer, terms.PayTime, terms.PaymentMethod)],
            PayTime = terms.PayTime,
            PaymentMethod = terms.PaymentMethod,
            ReplacesInvoiceId = terms.ReplacesInvoiceId,
            IssueTime = now,
        };
        invoice.Raise(new InvoiceIssued(invoice));
        return invoice;
    }
}

public sealed record InvoiceIssued(Invoice Invoice) : IDomainEvent;

public sealed class DocumentMustHaveLinesRule(IReadOnlyCollection<DocumentLine> lines) : IBusinessRule
{
    public string Message => "A document has at least one line, and every line a positive amount.";

    public bool IsBroken() => lines.Count == 0 || lines.Any(l => l.GrossMinor <= 0);
}

public sealed class NumberMustBeOfKindRule(DocumentNumber number, DocumentKind kind) : IBusinessRule
{
    public string Message => $"A {kind} is numbered in the {kind} series, not the {number.Kind} one.";

    public bool IsBroken() => number.Kind != kind;
}

public sealed class InvoiceMustNotBeReplacedAlreadyRule(Invoice invoice, bool allowed) : IBusinessRule
{
    public string Message => $"Invoice {invoice.Number} was already replaced by a correction: correct the invoice that replaced it.";

    public bool IsBroken() => !allowed;
}
