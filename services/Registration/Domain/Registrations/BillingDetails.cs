using EventPlatform.Domain;
using EventPlatform.Domain.Validation;

namespace EventPlatform.Registrations.Domain.Registrations;

public sealed record PostalAddress(string Line1, string Line2, string PostalCode, string City, string Region, string CountryCode);

/// <summary>Whom the invoice is made out to when not the attendee in person: a company, say, with its VAT number.</summary>
public sealed record BillingDetails
{
    public const int MaxLength = 200;

    // For the database mapping, which sets the address after construction.
    private BillingDetails()
        : this("", new PostalAddress("", "", "", "", "", ""), "", "")
    {
    }

    private BillingDetails(string legalName, PostalAddress address, string vatNumber, string email)
    {
        LegalName = legalName;
        Address = address;
        VatNumber = vatNumber;
        Email = email;
    }

    public string LegalName { get; private init; }

    public PostalAddress Address { get; private init; }

    public string VatNumber { get; private init; }

    /// <summary>Where invoices go, when not the attendee's email; empty for the attendee's.</summary>
    public string Email { get; private init; }

    public static BillingDetails Of(string legalName, PostalAddress address, string vatNumber, string email)
    {
        BusinessRule.CheckAll(
            new BillingNameMustBeGivenRule(legalName),
            new BillingAddressMustBeCompleteRule(address),
            new VatNumberMustBeWellFormedRule(vatNumber),
            new BillingEmailMustBeValidRule(email));
        var trimmed = new PostalAddress(
            address.Line1.Trim(), address.Line2.Trim(), address.PostalCode.Trim(), address.City.Trim(), address.Region.Trim(),
            address.CountryCode.Trim());
        return new BillingDetails(legalName.Trim(), trimmed, vatNumber.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(), email.Trim());
    }
}

public sealed class BillingNameMustBeGivenRule(string? name) : IFieldRule
{
    public string Field => "BillingDetails.LegalName";

    public string Message => $"The name to invoice is required with billing details, at most {BillingDetails.MaxLength} characters.";

    public bool IsBroken() => string.IsNullOrWhiteSpace(name) || name.Trim().Length > BillingDetails.MaxLength;
}

public sealed class BillingAddressMustBeCompleteRule(PostalAddress address) : IFieldRule
{
    public string Field => "BillingDetails.Address";

    public string Message => "An invoice address has a first line, a city and an ISO 3166 country code (FR), each at most 200 characters.";

    public bool IsBroken() =>
        string.IsNullOrWhiteSpace(address.Line1) || string.IsNullOrWhiteSpace(address.City)
        || address.CountryCode.Trim() is not { Length: 2 } country || !country.All(char.IsAsciiLetterUpper)
        || new[] { address.Line1, address.Line2, address.PostalCode, address.City, address.Region }.Any(p => p.Length > BillingDetails.MaxLength);
}

public sealed class VatNumberMustBeWellFormedRule(string? vatNumber) : IFieldRule
{
    public string Field => "BillingDetails.VatNumber";

    public string Message => "A VAT number is a country prefix and up to 15 letters or digits, e.g. FR40303265045.";

    public bool IsBroken() =>
        vatNumber?.Replace(" ", "", StringComparison.Ordinal) is { Length: > 0 } v
        && (v.Length is < 4 or > 17 || !char.IsAsciiLetter(v[0]) || !char.IsAsciiLetter(v[1]) || !v.All(char.IsAsciiLetterOrDigit));
}

public sealed class BillingEmailMustBeValidRule(string? email) : IFieldRule
{
    public string Field => "BillingDetails.Email";

    public string Message => "The invoice email must be a valid address (or left out for the attendee's).";

    public bool IsBroken() => email is { Length: > 0 } && !EmailAddress.IsValid(email.Trim());
}
