using System.Text.RegularExpressions;
using EventPlatform.Catalog.Domain.Events;
using EventPlatform.Domain;
using EventPlatform.Domain.Validation;

namespace EventPlatform.Catalog.Domain.Organizers;

/// <summary>What is printed on an organizer's invoices and shown to attendees: who they are and how to reach them.</summary>
public sealed record OrganizerProfile
{
    public const int MaxLegalNameLength = 200;

    // For materialization from the database.
    private OrganizerProfile()
    {
    }

    private OrganizerProfile(string legalName, Address address, string? vatNumber, string contactEmail, string? contactPhone)
    {
        LegalName = legalName;
        Address = address;
        VatNumber = vatNumber;
        ContactEmail = contactEmail;
        ContactPhone = contactPhone;
    }

    public string LegalName { get; private init; } = "";

    public Address Address { get; private init; } = null!;

    public string? VatNumber { get; private init; }

    public string ContactEmail { get; private init; } = "";

    public string? ContactPhone { get; private init; }

    public static OrganizerProfile Create(string? legalName, Address address, string? vatNumber, string? contactEmail, string? contactPhone)
    {
        var name = legalName?.Trim() ?? "";
        var vat = Normalize(vatNumber)?.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var email = contactEmail?.Trim() ?? "";
        BusinessRule.CheckAll(
            new OrganizerMustHaveALegalNameRule(name),
            new OrganizerAddressMustBeCompleteRule(address),
            new VatNumberMustBeWellFormedRule(vat),
            new ContactEmailMustBeValidRule(email));
        return new OrganizerProfile(name, address, vat, email, Normalize(contactPhone));
    }

    private static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class OrganizerMustHaveALegalNameRule(string legalName) : IFieldRule
{
    public string Field => "LegalName";

    public string Message => $"An organizer needs its legal name (1 to {OrganizerProfile.MaxLegalNameLength} characters), as printed on invoices.";

    public bool IsBroken() => legalName.Length is 0 or > OrganizerProfile.MaxLegalNameLength;
}

public sealed class OrganizerAddressMustBeCompleteRule(Address address) : IFieldRule
{
    public string Field => "Address";

    public string Message => "An organizer's address needs a street line, a city and an ISO 3166 country code (e.g. FR).";

    public bool IsBroken() =>
        string.IsNullOrWhiteSpace(address.Line1) || string.IsNullOrWhiteSpace(address.City) || !CountryCode.IsValid(address.CountryCode);
}

/// <summary>A VAT number is optional; one that is given must look like one.</summary>
public sealed partial class VatNumberMustBeWellFormedRule(string? vatNumber) : IFieldRule
{
    public string Field => "VatNumber";

    public string Message => "A VAT number starts with its two-letter country prefix followed by 2 to 13 letters or digits (e.g. FR40303265045).";

    public bool IsBroken() => vatNumber is not null && !Shape().IsMatch(vatNumber);

    [GeneratedRegex("^[A-Z]{2}[0-9A-Z]{2,13}$")]
    private static partial Regex Shape();
}

public sealed class ContactEmailMustBeValidRule(string email) : IFieldRule
{
    public string Field => "ContactEmail";

    public string Message => "An organizer needs a contact email address attendees can write to.";

    public bool IsBroken() => !EmailAddress.IsValid(email);
}
