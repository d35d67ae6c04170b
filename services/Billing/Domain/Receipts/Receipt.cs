using EventPlatform.Billing.Domain.Documents;
using EventPlatform.Billing.Domain.Invoices;
using EventPlatform.Domain;

namespace EventPlatform.Billing.Domain.Receipts;

/// <summary>Proof that an invoice was paid: how much, when and how. Issued once, never changed.</summary>
public sealed class Receipt : AggregateRoot, IIssuedDocument
{
    private Receipt()
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

    public Guid PaymentIntentId { get; private set; }

    public string ProviderChargeId { get; private set; } = "";

    public Party Seller { get; private set; } = null!;

    public Party Buyer { get; private set; } = null!;

    public long AmountPaidMinor { get; private set; }

    public string Currency { get; private set; } = "";

    public string PaymentMethod { get; private set; } = "";

    public DateTimeOffset PayTime { get; private set; }

    public DocumentLanguage Language { get; private set; }

    public DateTimeOffset IssueTime { get; private set; }

    /// <summary>The receipt of the payment that settled <paramref name="invoice"/> in full.</summary>
    public static Receipt ForPayment(Invoice invoice, string providerChargeId, DocumentNumber number, DateTimeOffset now)
    {
        BusinessRule.CheckAll(new NumberMustBeOfKindRule(number, DocumentKind.Receipt), new ReceiptNeedsAPaidInvoiceRule(invoice));
        var receipt = new Receipt
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
            PaymentIntentId = invoice.PaymentIntentId,
            ProviderChargeId = providerChargeId,
            Seller = invoice.Seller,
            Buyer = invoice.Buyer,
            AmountPaidMinor = invoice.GrossTotalMinor,
            Currency = invoice.Currency,
            PaymentMethod = invoice.PaymentMethod,
            PayTime = invoice.PayTime!.Value,
            Language = invoice.Language,
            IssueTime = now,
        };
        receipt.Raise(new ReceiptIssued(receipt));
        return receipt;
    }
}

public sealed record ReceiptIssued(Receipt Receipt) : IDomainEvent;

public sealed class ReceiptNeedsAPaidInvoiceRule(Invoice invoice) : IBusinessRule
{
    public string Message => $"Invoice {invoice.Number} was not paid when issued: there is no payment to give a receipt for.";

    public bool IsBroken() => invoice.PayTime is null;
}
