namespace EventPlatform.Billing.Domain.Documents;

public sealed record Address(string Line1, string Line2, string PostalCode, string City, string Region, string CountryCode);

/// <summary>Seller or buyer as printed on a document, copied when it is issued so that later edits change nothing.</summary>
public sealed record Party(string LegalName, Address Address, string VatNumber, string Email)
{
    // For the database mapping, which sets the address after construction.
    private Party()
        : this("", new Address("", "", "", "", "", ""), "", "")
    {
    }

    /// <summary>A buyer with a VAT number buys as a business: the invoice carries the business-to-business mentions.</summary>
    public bool IsBusiness => VatNumber.Length > 0;
}
