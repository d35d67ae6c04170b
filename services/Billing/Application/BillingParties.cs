using EventPlatform.Billing.Domain.Documents;
using EventPlatform.Contracts.Catalog.V1;
using EventPlatform.Contracts.Registration.V1;
using ProtoCommon = EventPlatform.Contracts.Common.V1;

namespace EventPlatform.Billing.Application;

/// <summary>Seller and buyer as the owning services describe them, copied onto a document.</summary>
public static class BillingParties
{
    public static Party Seller(Organizer organizer) =>
        new(organizer.LegalName, AddressOf(organizer.Address), organizer.VatNumber, organizer.ContactEmail);

    /// <summary>The registration's billing details when given (a company, say); otherwise the attendee in person.</summary>
    public static Party Buyer(Registration registration) => registration.BillingDetails is { LegalName.Length: > 0 } billing
        ? new Party(billing.LegalName, AddressOf(billing.Address), billing.VatNumber, billing.Email.Length > 0 ? billing.Email : registration.Attendee.Email)
        : new Party(registration.Attendee.Name, AddressOf(null), "", registration.Attendee.Email);

    public static Address AddressOf(ProtoCommon.Address? address) => address is null
        ? new Address("", "", "", "", "", "")
        : new Address(address.Line1, address.Line2, address.PostalCode, address.City, address.Region, address.CountryCode);
}
