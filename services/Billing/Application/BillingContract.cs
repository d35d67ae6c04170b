using EventPlatform.Billing.Domain.CreditNotes;
using EventPlatform.Billing.Domain.Documents;
using EventPlatform.Billing.Domain.Invoices;
using EventPlatform.Billing.Domain.Receipts;
using Google.Protobuf.WellKnownTypes;
using Proto = EventPlatform.Contracts.Billing.V1;
using ProtoCommon = EventPlatform.Contracts.Common.V1;

namespace EventPlatform.Billing.Application;

/// <summary>Documents as the contracts describe them, for the API and the integration events alike.</summary>
public static class BillingContract
{
    public static Proto.Invoice ToContract(this Invoice invoice) => new()
    {
        Id = invoice.Id.ToString(),
        Number = invoice.Number,
        OrganizerId = invoice.OrganizerId,
        EventId = invoice.EventId.ToString(),
        RegistrationId = invoice.RegistrationId.ToString(),
        PaymentIntentId = invoice.PaymentIntentId.ToString(),
        Seller = invoice.Seller.ToContract(),
        Buyer = invoice.Buyer.ToContract(),
        Lines = { invoice.Lines.Select(l => l.ToContract(invoice.Currency)) },
        NetTotal = Money(invoice.NetTotalMinor, invoice.Currency),
        VatTotal = Money(invoice.VatTotalMinor, invoice.Currency),
        GrossTotal = Money(invoice.GrossTotalMinor, invoice.Currency),
        ReplacesInvoiceId = invoice.ReplacesInvoiceId?.ToString() ?? "",
        IssueTime = Timestamp.FromDateTimeOffset(invoice.IssueTime),
    };

    public static Proto.Receipt ToContract(this Receipt receipt) => new()
    {
        Id = receipt.Id.ToString(),
        Number = receipt.Number,
        OrganizerId = receipt.OrganizerId,
        EventId = receipt.EventId.ToString(),
        RegistrationId = receipt.RegistrationId.ToString(),
        InvoiceId = receipt.InvoiceId.ToString(),
        InvoiceNumber = receipt.InvoiceNumber,
        PaymentIntentId = receipt.PaymentIntentId.ToString(),
        ProviderChargeId = receipt.ProviderChargeId,
        Seller = receipt.Seller.ToContract(),
        Buyer = receipt.Buyer.ToContract(),
        AmountPaid = Money(receipt.AmountPaidMinor, receipt.Currency),
        PaymentMethod = receipt.PaymentMethod,
        PayTime = Timestamp.FromDateTimeOffset(receipt.PayTime),
        IssueTime = Timestamp.FromDateTimeOffset(receipt.IssueTime),
    };

    public static Proto.CreditNote ToContract(this CreditNote creditNote) => new()
    {
        Id = creditNote.Id.ToString(),
        Number = creditNote.Number,
        OrganizerId = creditNote.OrganizerId,
        EventId = creditNote.EventId.ToString(),
        RegistrationId = creditNote.RegistrationId.ToString(),
        InvoiceId = creditNote.InvoiceId.ToString(),
        InvoiceNumber = creditNote.InvoiceNumber,
        Reason = creditNote.Reason == CreditNoteReason.Refund ? Proto.CreditNoteReason.Refund : Proto.CreditNoteReason.Correction,
        RefundId = creditNote.RefundId?.ToString() ?? "",
        Note = creditNote.Note,
        Seller = creditNote.Seller.ToContract(),
        Buyer = creditNote.Buyer.ToContract(),
        Lines = { creditNote.Lines.Select(l => l.ToContract(creditNote.Currency)) },
        NetTotal = Money(creditNote.NetTotalMinor, creditNote.Currency),
        VatTotal = Money(creditNote.VatTotalMinor, creditNote.Currency),
        GrossTotal = Money(creditNote.GrossTotalMinor, creditNote.Currency),
        IssueTime = Timestamp.FromDateTimeOffset(creditNote.IssueTime),
    };

    public static Proto.Party ToContract(this Party party) => new()
    {
        LegalName = party.LegalName,
        Address = new ProtoCommon.Address
        {
            Line1 = party.Address.Line1,
            Line2 = party.Address.Line2,
            PostalCode = party.Address.PostalCode,
            City = party.Address.City,
            Region = party.Address.Region,
            CountryCode = party.Address.CountryCode,
        },
        VatNumber = party.VatNumber,
        Email = party.Email,
    };

    public static Party ToDomain(this Proto.Party party) =>
        new(party.LegalName.Trim(), BillingParties.AddressOf(party.Address), party.VatNumber.Trim(), party.Email.Trim());

    private static Proto.DocumentLine ToContract(this DocumentLine line, string currency) => new()
    {
        Description = line.Description,
        Quantity = line.Quantity,
        UnitNetAmount = Money(line.UnitNetMinor, currency),
        VatRateBasisPoints = line.VatRateBasisPoints,
        NetAmount = Money(line.NetMinor, currency),
        VatAmount = Money(line.VatMinor, currency),
        GrossAmount = Money(line.GrossMinor, currency),
    };

    private static ProtoCommon.Money Money(long amountMinor, string currency) => new() { AmountMinor = amountMinor, Currency = currency };
}
